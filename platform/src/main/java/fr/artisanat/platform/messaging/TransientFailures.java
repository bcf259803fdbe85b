package fr.artisanat.platform.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that passes with time (the database unreachable or restarting, a deadlock, a lock not granted in
 * time) from one that the same event would meet again (a constraint violated, a value too long): the first is tried
 * again, the second sends the event to the dead-letter topic.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes that say nothing of the data: 08 connection exception, 40 transaction rollback (serialization
     * failure, deadlock), 53 insufficient resources, 57 operator intervention (server shutting down, statement
     * cancelled), 58 system error.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available: a lock not granted within lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransientFailures() {
    }

    /** Decided by the first SQL exception among the causes; none means the failure is the event's own. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no SQLSTATE: raised by the pool or the driver (no connection in time), not by the database
                return state == null || LOCK_NOT_AVAILABLE.equals(state)
                        || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
            }
        }
        return false;
    }
}
