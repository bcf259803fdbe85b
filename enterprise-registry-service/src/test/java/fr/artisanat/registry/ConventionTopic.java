package fr.artisanat.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.outbox.CloudEventHeaders;
import fr.artisanat.platform.testing.EventSchemas;
import fr.artisanat.registry.sirene.Siret;

/**
 * Events of the real {@code conventions} topic as convention-service publishes them: the CloudEvents headers of its
 * outbox relay (binary mode, key and subject the convention id), and data that validates against the committed
 * schema of its type, checked before it is sent, so that the registry's tests code against the contract itself.
 */
public final class ConventionTopic {

    public static final String TOPIC = "conventions";
    private static final String TRANSFERRED = "convention.transferred.v1";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventSchemas SCHEMAS = EventSchemas.committed();

    private ConventionTopic() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public record Authority(UUID id, String name, String siren) {

        public static Authority named(String name) {
            return new Authority(UUID.randomUUID(), name, newSiren());
        }
    }

    /** {@code level}: REGIONAL, DEPARTMENTAL, LOCAL_LAW…; {@code region} and {@code parentId} may be null. */
    public record Chamber(UUID id, String name, String level, String region, UUID parentId) {

        public static Chamber regional(String name, String region) {
            return new Chamber(UUID.randomUUID(), name, "REGIONAL", region, null);
        }

        public Chamber departmentalLevel(String name) {
            return new Chamber(UUID.randomUUID(), name, "DEPARTMENTAL", region, id);
        }
    }

    /**
     * A convention between one authority and one chamber after a change: ACTIVE from today for three years, version 1,
     * no data-exchange line until {@link #sharing} adds some. Each setter returns a copy, so a test keeps the states
     * it published.
     */
    public record Convention(UUID id, String reference, String status, LocalDate startDate, LocalDate endDate,
            LocalDate terminatedOn, long version, Authority authority, Authority transferredFrom, Chamber chamber,
            List<Map<String, Object>> dataExchanges) {

        public static Convention between(Authority authority, Chamber chamber) {
            return new Convention(UUID.randomUUID(), "TEST-" + Long.toString(System.nanoTime(), 36).toUpperCase(),
                    "ACTIVE", today(), today().plusYears(3).minusDays(1), null, 1, authority, null, chamber, List.of());
        }

        /** Adds a data-exchange line of {@code provider} (an authority's or chamber's id) in this category. */
        public Convention sharing(UUID provider, String category) {
            List<Map<String, Object>> lines = new ArrayList<>(dataExchanges);
            lines.add(Map.of("providerId", provider.toString(), "category", category, "data", "Données (" + category + ")"));
            return new Convention(id, reference, status, startDate, endDate, terminatedOn, version, authority,
                    transferredFrom, chamber, List.copyOf(lines));
        }

        /** The next version, in this status (TERMINATED: terminated today). */
        public Convention next(String newStatus) {
            return new Convention(id, reference, newStatus, startDate, endDate,
                    "TERMINATED".equals(newStatus) ? today() : terminatedOn, version + 1, authority, transferredFrom,
                    chamber, dataExchanges);
        }

        /** The same version in another status, as a test sets it up. */
        public Convention in(String newStatus) {
            return new Convention(id, reference, newStatus, startDate, endDate, terminatedOn, version, authority,
                    transferredFrom, chamber, dataExchanges);
        }

        /** Registry data shared by the chamber of the convention. */
        public Convention sharingRegistryData() {
            return sharing(chamber.id(), "CRAFT_REGISTRY");
        }

        public Convention version(long newVersion) {
            return new Convention(id, reference, status, startDate, endDate, terminatedOn, newVersion, authority,
                    transferredFrom, chamber, dataExchanges);
        }

        public Convention term(LocalDate start, LocalDate end) {
            return new Convention(id, reference, status, start, end, terminatedOn, version, authority, transferredFrom,
                    chamber, dataExchanges);
        }

        /** The next version, the authority's party passed to {@code successor}. */
        public Convention transferredTo(Authority successor) {
            return new Convention(id, reference, status, startDate, endDate, terminatedOn, version + 1, successor,
                    authority, chamber, dataExchanges);
        }

        /** The data of an event of this type as convention-service writes it (a transfer event tells the transfer). */
        public String data(String type) {
            Map<String, Object> authorityParty = new LinkedHashMap<>(Map.of("partyId", UUID.nameUUIDFromBytes(
                    (id + "authority").getBytes(StandardCharsets.UTF_8)).toString(), "partnerType", "AUTHORITY",
                    "partnerId", authority.id().toString(), "name", authority.name(), "siren", authority.siren()));
            if (transferredFrom != null) {
                authorityParty.putAll(Map.of("transferredFromId", transferredFrom.id().toString(),
                        "transferredFromName", transferredFrom.name(), "transferredOn", today().toString()));
            }
            Map<String, Object> chamberParty = new LinkedHashMap<>(Map.of("partyId", UUID.nameUUIDFromBytes(
                    (id + "chamber").getBytes(StandardCharsets.UTF_8)).toString(), "partnerType", "CHAMBER",
                    "partnerId", chamber.id().toString(), "name", chamber.name(), "chamberLevel", chamber.level()));
            if (chamber.region() != null) {
                chamberParty.put("region", chamber.region());
            }
            if (chamber.parentId() != null) {
                chamberParty.put("parentChamberId", chamber.parentId().toString());
            }
            Authority signer = transferredFrom == null ? authority : transferredFrom;
            Map<String, Object> convention = new LinkedHashMap<>();
            convention.put("id", id.toString());
            convention.put("reference", reference);
            convention.put("kind", "FRAMEWORK");
            convention.put("title", "Convention cadre " + reference);
            convention.put("status", status);
            convention.put("parties", List.of(authorityParty, chamberParty));
            convention.put("signatories", List.of(
                    signatory("authority", signer.id(), signer.name()), signatory("chamber", chamber.id(), chamber.name())));
            convention.put("signatureDate", startDate.toString());
            convention.put("startDate", startDate.toString());
            convention.put("endDate", endDate.toString());
            convention.put("themes", List.of("Coordonner le soutien aux entreprises artisanales"));
            convention.put("challenges", List.of());
            convention.put("fundingCommitments", List.of());
            convention.put("dataExchanges", dataExchanges);
            convention.put("documents", List.of());
            convention.put("amendmentCount", 0);
            if (terminatedOn != null) {
                convention.put("terminationReason", "Fin anticipée");
                convention.put("terminatedOn", terminatedOn.toString());
            }
            convention.put("version", version);
            convention.put("createdAt", "2026-01-05T09:00:00Z");
            // the time of the change grows with the version, as it does in convention-service
            convention.put("updatedAt", Instant.parse("2026-01-05T09:00:00Z").plusSeconds(version).toString());
            Map<String, Object> data = new LinkedHashMap<>(Map.of("convention", convention));
            if (TRANSFERRED.equals(type)) {
                data.put("transfer", Map.of("fromAuthorityId", transferredFrom.id().toString(),
                        "fromAuthorityName", transferredFrom.name(), "toAuthorityId", authority.id().toString(),
                        "toAuthorityName", authority.name(), "effectiveDate", today().toString()));
            }
            try {
                return JSON.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private Map<String, Object> signatory(String who, UUID partner, String partnerName) {
            return Map.of("id", UUID.nameUUIDFromBytes((id + who).getBytes(StandardCharsets.UTF_8)).toString(),
                    "partnerId", partner.toString(), "partnerName", partnerName, "fullName", "Président " + partnerName,
                    "role", "Président", "signedOn", startDate.toString());
        }

        /** The type of the event convention-service publishes when the convention comes to this status. */
        public String statusType() {
            return switch (status) {
                case "SIGNED" -> "convention.signed.v1";
                case "ACTIVE" -> "convention.activated.v1";
                case "EXPIRED" -> "convention.expired.v1";
                case "TERMINATED" -> "convention.terminated.v1";
                default -> throw new IllegalArgumentException("no event leads to " + status);
            };
        }
    }

    /** Publishes the event of the convention's coming to its status; returns the event id. */
    public static String publish(Convention convention) {
        return publish(convention.statusType(), convention);
    }

    /** Publishes the event of the transfer of its authority party ({@link Convention#transferredTo}). */
    public static String publishTransfer(Convention convention) {
        return publish(TRANSFERRED, convention);
    }

    /** Publishes the event under a new event id, once its data validates against the committed schema. */
    private static String publish(String type, Convention convention) {
        String eventId = UUID.randomUUID().toString();
        String data = convention.data(type);
        assertEquals(List.of(), SCHEMAS.errors(type, data), "not as convention-service publishes it: " + data);
        send(eventId, type, convention.id().toString(), data);
        return eventId;
    }

    /** Sends a record with the outbox relay's headers, whatever its data: to redeliver an event or send a poison one. */
    public static void send(String eventId, String type, String key, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, data);
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, "/convention-service");
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A random SIREN with a valid check digit. */
    private static String newSiren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        for (int check = 0; check < 10; check++) {
            if (Siret.isValidSiren(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }
}
