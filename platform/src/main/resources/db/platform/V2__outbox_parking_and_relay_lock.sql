-- Poison events (ADR 0003): an event that Kafka refuses for a reason of its own is parked after a few attempts, with
-- the reason, until an operator re-queues it. The later events of its aggregate wait behind it.
alter table outbox_event
    add column parked_at     timestamptz,
    add column parked_reason varchar(1000);

-- An event is published only when no earlier event of its aggregate is left behind (parked, or skipped by a pass
-- that resumed after it): this finds them.
create index outbox_event_pending_by_aggregate on outbox_event (topic, aggregate_id, seq) where published_at is null;

-- The housekeeping job deletes idempotency records past their retention, oldest first.
create index idempotency_record_created_at on idempotency_record (created_at);

-- One relay at a time per service: each relay pass takes a PostgreSQL advisory lock keyed by the service's schema
-- (fr.artisanat.platform.ServiceLocks), which needs no table and is freed when the holder's connection drops.
