package fr.artisanat.platform.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import fr.artisanat.platform.web.RequestIds;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    static Headers of(OutboxEvent event) {
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.eventId.toString());
        add(headers, SOURCE, event.source);
        add(headers, TYPE, event.eventType);
        add(headers, SUBJECT, event.aggregateId);
        add(headers, TIME, event.occurredAt.toString());
        add(headers, CONTENT_TYPE, "application/json");
        if (event.requestId != null) {
            add(headers, RequestIds.HEADER, event.requestId);
        }
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one header as text, or null when absent. */
    public static String read(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
