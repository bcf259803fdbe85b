package fr.artisanat.platform.messaging;

/**
 * A record that no retry can apply: not a CloudEvent in binary mode, or data that does not read as the event it
 * claims to be. Thrown from an idempotent consumer, it sends the record to the channel's dead-letter topic, with this
 * message as its {@code dead-letter-reason}, and the consumer goes on with the next one.
 */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String reason) {
        super(reason);
    }

    public PoisonEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
