-- One row per rate-limit bucket (docs/adr/0016), read and written by Bucket4j's PostgreSQL proxy under an advisory
-- lock of its key, so that every gateway instance counts against the same budget. The columns are Bucket4j's: its
-- serialized state, the time after which the bucket is full again and may be deleted (epoch millis), and the lock
-- id it was written under (the expired-rows cleanup takes the same lock).
create table rate_limit_bucket (
    id            text primary key,
    state         bytea  not null,
    expires_at    bigint not null,
    explicit_lock bigint not null
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
