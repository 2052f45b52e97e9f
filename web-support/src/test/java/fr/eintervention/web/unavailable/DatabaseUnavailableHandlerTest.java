package fr.eintervention.web.unavailable;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failed commits and rollbacks are the database being away (503), and which are not (500). */
class DatabaseUnavailableHandlerTest {

    @Test
    void aRollbackOnALostConnectionIsAnOutage() {
        TransactionSystemException lost = new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003"));
        TransactionSystemException shuttingDown = new TransactionSystemException("JDBC commit failed",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseUnavailableHandler.isConnectionFailure(lost)).isTrue();
        assertThat(DatabaseUnavailableHandler.isConnectionFailure(shuttingDown)).isTrue();
    }

    @Test
    void aRollbackOfAConnectionThePoolClosedAfterTheStatementFailedIsAnOutage() {
        TransactionSystemException closed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        closed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert",
                new SQLException("terminating connection due to unexpected postmaster exit", "57P01")));

        assertThat(DatabaseUnavailableHandler.isOutage(closed)).isTrue();
    }

    @Test
    void aCommitOnAConnectionThePoolHadClosedIsAnOutage() {
        TransactionSystemException closed = new TransactionSystemException("JDBC commit failed",
                new SQLException("Connection is closed"));

        assertThat(DatabaseUnavailableHandler.isOutage(closed)).isTrue();
    }

    @Test
    void aCommitRefusedForAnotherReasonIsNot() {
        TransactionSystemException refused = new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001"));

        assertThat(DatabaseUnavailableHandler.isConnectionFailure(refused)).isFalse();
        assertThat(DatabaseUnavailableHandler.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailableHandler.isOutage(refused)).isFalse();
    }
}
