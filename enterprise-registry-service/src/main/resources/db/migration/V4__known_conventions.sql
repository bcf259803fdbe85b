-- The registry's projection of the conventions topic (docs/adr/0015-registry-projection-of-conventions.md): what it
-- must know of the conventions to tell which authority may read which chamber's classifications, and which region
-- each chamber covers. Written only by the idempotent consumer of the topic (messaging/incoming), never by a call
-- to convention-service; emptied and replayed from the topic, it comes back the same.

-- Each convention as its latest event told it: status and term. "version" is the convention's: an event older than
-- the version held changes nothing.
create table known_convention (
    id            uuid        primary key,
    reference     varchar(60) not null,
    status        varchar(20) not null,
    start_date    date        not null,
    end_date      date        not null,
    terminated_on date,
    version       bigint      not null
);

-- Its parties: after a succession, the successor authority (with the one it took over from).
create table known_convention_party (
    convention_id       uuid    not null references known_convention (id) on delete cascade,
    partner_id          uuid    not null,
    partner_type        varchar(20) not null,
    name                text    not null,
    siren               char(9),
    transferred_from_id uuid,
    primary key (convention_id, partner_id)
);
create index known_convention_party_by_siren on known_convention_party (siren);

-- The lines of its data-exchange clause by which a chamber provides its craft-registry data (category
-- CRAFT_REGISTRY): the only ones that open the chamber's classifications to the authorities of the convention.
create table registry_data_clause (
    convention_id uuid not null references known_convention (id) on delete cascade,
    provider_id   uuid not null,
    primary key (convention_id, provider_id)
);

-- The chambers seen as parties, with what tells their coverage. "as_of" is the time of the convention change that
-- told it: the latest wins, in whatever order the topic's partitions are read.
create table known_chamber (
    id        uuid        primary key,
    name      text        not null,
    level     varchar(20),
    region    varchar(100),
    parent_id uuid,
    as_of     timestamptz not null
);
