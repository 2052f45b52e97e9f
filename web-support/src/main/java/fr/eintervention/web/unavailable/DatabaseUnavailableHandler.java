package fr.eintervention.web.unavailable;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * While the database is unreachable (connection refused, pool timed out, connection lost
 * mid-request, server shutting down or starting up), every endpoint answers at once
 * {@code 503 Service Unavailable} with {@code Retry-After} and an RFC 9457 Problem Details body.
 * On the protocol's endpoints too: the contract defines no answer for this (its answer codes are
 * about the message), and a sender must not read it as a verdict on the message, so it gets the
 * same off-protocol shape as a 429 of the rate limit. Nothing was stored: sending again is safe.
 * Matched on the exception or any of its causes, ahead of every other handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final long retryAfterSeconds;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    DatabaseUnavailableHandler(@Value("${eintervention.database-unavailable.retry-after:${eintervention.database-outage.retry-after:5s}}") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception exception, HttpServletRequest request) {
        logOnceInAWhile(exception, request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "database unavailable: nothing was stored, send again in " + retryAfterSeconds + " s");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A commit or rollback that failed: an outage when the connection is what failed (the JDBC
     * rollback of a request whose connection died mid-way), an internal error otherwise.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException exception, HttpServletRequest request) {
        if (isOutage(exception)) {
            return unavailable(exception, request);
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The commit or rollback failed on a lost connection, or a rollback failed after the statement
     * itself failed so: the transaction template keeps that first failure as the application
     * exception (the pool closed the broken connection, and the rollback only says it is closed).
     */
    static boolean isOutage(TransactionSystemException exception) {
        Throwable first = exception.getApplicationException();
        return isConnectionFailure(exception) || (first != null && isConnectionFailure(first));
    }

    /** Somewhere in the chain, the connection to the database failed or could not be made. */
    static boolean isConnectionFailure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SocketException
                    || cause instanceof EOFException) {
                return true;
            }
            // PostgreSQL's SQLSTATE classes: 08 connection exception, 57P admin shutdown / cannot connect now
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // the pool closed a connection it found broken, and says so without a SQLSTATE
            // (HikariCP's "Connection is closed"); the driver's own wording is "has been closed"
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && (sql.getMessage().endsWith("is closed") || sql.getMessage().contains("has been closed"))) {
                return true;
            }
        }
        return false;
    }

    /** One line every 10 s during an outage, not one per request. */
    private void logOnceInAWhile(Exception exception, HttpServletRequest request) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            long others = unlogged.getAndSet(0);
            log.warn("database unavailable: {} {} answered 503 ({} more since the last such line): {}",
                    request.getMethod(), request.getRequestURI(), others, rootMessage(exception));
        } else {
            unlogged.incrementAndGet();
        }
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
