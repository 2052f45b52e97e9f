package fr.eintervention.protocol.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failed commits and rollbacks are the database being away (503), and which are not (500). */
class DatabaseOutageHandlerTest {

    @Test
    void aRollbackOnALostConnectionIsAnOutage() {
        TransactionSystemException lost = new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003"));
        TransactionSystemException shuttingDown = new TransactionSystemException("JDBC commit failed",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseOutageHandler.isConnectionFailure(lost)).isTrue();
        assertThat(DatabaseOutageHandler.isConnectionFailure(shuttingDown)).isTrue();
    }

    @Test
    void aRollbackOfAConnectionThePoolClosedAfterTheStatementFailedIsAnOutage() {
        TransactionSystemException closed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        closed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert",
                new SQLException("terminating connection due to unexpected postmaster exit", "57P01")));

        assertThat(DatabaseOutageHandler.isOutage(closed)).isTrue();
    }

    @Test
    void aCommitOnAConnectionThePoolHadClosedIsAnOutage() {
        TransactionSystemException closed = new TransactionSystemException("JDBC commit failed",
                new SQLException("Connection is closed"));

        assertThat(DatabaseOutageHandler.isOutage(closed)).isTrue();
    }

    @Test
    void aCommitRefusedForAnotherReasonIsNot() {
        TransactionSystemException refused = new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001"));

        assertThat(DatabaseOutageHandler.isConnectionFailure(refused)).isFalse();
        assertThat(DatabaseOutageHandler.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutageHandler.isOutage(refused)).isFalse();
    }
}
