package fr.artisanat.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** What is tried again and what goes to the dead-letter topic, as PostgreSQL and the pool report failures. */
class TransientFailuresTest {

    /** As Hibernate and the transaction manager wrap what the driver threw. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("commit failed", new RuntimeException("could not execute statement", cause));
    }

    @Test
    void theDatabaseOutOfReachOrBusyIsTransient() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("closed", "08003")));
    }

    @Test
    void whatTheSameEventWouldMeetAgainIsNot() {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("value too long for type", "22001"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("column does not exist", "42703"))));
        assertFalse(TransientFailures.isTransient(new PoisonEvent("not JSON")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }
}
