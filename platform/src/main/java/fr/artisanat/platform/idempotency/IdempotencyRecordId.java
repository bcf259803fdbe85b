package fr.artisanat.platform.idempotency;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A key is scoped to the operation it was sent to, so one key reused on two endpoints does not collide. */
@Embeddable
public record IdempotencyRecordId(
        @Column(name = "scope", length = 300) String scope,
        @Column(name = "idempotency_key", length = 200) String key) implements Serializable {
}
