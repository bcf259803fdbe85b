-- Bulk rows (ADR 0003): a writer of thousands of events per transaction (the registry's SIRENE import) writes them
-- as few rows, each holding up to a relay pass of events in order, instead of one row each with its index entries.
-- A bulk row has no event of its own: its events' ids, aggregates, types and payloads are in its arrays.
alter table outbox_event
    alter column event_id drop not null,
    alter column aggregate_id drop not null,
    alter column event_type drop not null,
    alter column payload drop not null,
    add column event_count   integer not null default 1,
    add column event_ids     uuid[],
    add column aggregate_ids varchar(255)[],
    add column event_types   varchar(255)[],
    add column payloads      text[], -- JSON, checked when serialized; published byte for byte
    add constraint outbox_event_single_or_bulk check (case when event_ids is null
        then event_id is not null and aggregate_id is not null and event_type is not null and payload is not null
             and event_count = 1
        else event_id is null and aggregate_id is null and event_type is null and payload is null
             and aggregate_ids is not null and event_types is not null and payloads is not null and parked_at is null end);

-- Stored as written: compressing them cost PostgreSQL more than writing them out of line (ADR 0005, Measured).
alter table outbox_event
    alter column event_ids set storage external,
    alter column aggregate_ids set storage external,
    alter column event_types set storage external,
    alter column payloads set storage external;

-- Rows are numbered 1000 apart: the events of a bulk row take the numbers that follow it (seq + 1 for its first),
-- so that one split into single rows (when the relay cannot publish it whole) keeps every event in its place.
alter table outbox_event alter column seq set increment by 1000;

-- A bulk row still pending below the point a relay pass resumes from (committed late) makes the pass start over.
create index outbox_event_pending_bulk on outbox_event (seq) where published_at is null and event_ids is not null;

-- Each event of the outbox, one row each, the events of bulk rows in their place: to inspect the outbox in SQL.
create view outbox_event_each as
    select seq, event_id, topic, aggregate_id, event_type, source, payload, occurred_at, request_id, published_at,
           attempts, last_error, parked_at, parked_reason
    from outbox_event where event_ids is null
    union all
    select b.seq + e.position, e.event_id, b.topic, e.aggregate_id, e.event_type, b.source, e.payload::json,
           b.occurred_at, b.request_id, b.published_at, 0, b.last_error, null, null
    from outbox_event b
         cross join lateral unnest(b.event_ids, b.aggregate_ids, b.event_types, b.payloads)
             with ordinality e(event_id, aggregate_id, event_type, payload, position)
    where b.event_ids is not null;
