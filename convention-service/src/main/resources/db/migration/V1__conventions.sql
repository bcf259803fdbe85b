-- Reference data: communes (INSEE codes) and the partners of conventions.

create table commune (
    insee_code varchar(5)   primary key,
    name       varchar(200) not null
);

create table authority (
    id           uuid         primary key,
    siren        char(9)      not null unique,
    name         varchar(200) not null,
    nature       varchar(10)  not null,
    valid_from   date,
    valid_to     date,
    successor_id uuid references authority (id),
    version      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create index authority_name on authority (lower(name));

create table authority_commune (
    authority_id uuid       not null references authority (id),
    insee_code   varchar(5) not null references commune (insee_code),
    primary key (authority_id, insee_code)
);
create index authority_commune_by_commune on authority_commune (insee_code);

create table chamber (
    id         uuid         primary key,
    name       varchar(200) not null,
    level      varchar(20)  not null,
    region     varchar(100),
    parent_id  uuid references chamber (id),
    siren      char(9) unique,
    version    bigint       not null default 0,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- Conventions and what hangs off them.

create table convention (
    id                 uuid         primary key,
    reference          varchar(60)  not null unique,
    kind               varchar(20)  not null,
    title              varchar(300) not null,
    status             varchar(20)  not null,
    signature_date     date,
    start_date         date         not null,
    end_date           date         not null,
    steering_committee varchar(200),
    meeting_frequency  varchar(20),
    predecessor_id     uuid references convention (id),
    termination_reason varchar(1000),
    terminated_on      date,
    version            bigint       not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint convention_term check (end_date >= start_date)
);
create index convention_status on convention (status);
create index convention_title on convention (lower(title));

create table convention_party (
    id             uuid         primary key,
    convention_id  uuid         not null references convention (id),
    position       integer      not null,
    partner_type   varchar(20)  not null,
    partner_id     uuid         not null,
    partner_name   varchar(200) not null,
    transferred_from_id   uuid,
    transferred_from_name varchar(200),
    transferred_on date
);
create index convention_party_partner on convention_party (partner_id);

create table signatory (
    id            uuid         primary key,
    convention_id uuid         not null references convention (id),
    position      integer      not null,
    party_id      uuid         not null references convention_party (id),
    full_name     varchar(200) not null,
    role          varchar(200) not null,
    signed_on     date
);

create table funding_commitment (
    id             uuid          primary key,
    convention_id  uuid          not null references convention (id),
    position       integer       not null,
    payer_id       uuid          not null references convention_party (id),
    beneficiary_id uuid          not null references convention_party (id),
    purpose        varchar(40)   not null,
    description    varchar(500),
    amount_per_year numeric(14, 2) not null,
    currency       char(3)       not null,
    first_year     integer       not null,
    last_year      integer       not null
);

create table convention_theme (
    convention_id uuid         not null references convention (id),
    position      integer      not null,
    theme         varchar(300) not null,
    primary key (convention_id, position)
);

create table convention_challenge (
    convention_id uuid         not null references convention (id),
    position      integer      not null,
    challenge     varchar(500) not null,
    primary key (convention_id, position)
);

create table data_exchange (
    convention_id uuid          not null references convention (id),
    position      integer       not null,
    provider_party_id uuid      not null,
    data          varchar(500)  not null,
    primary key (convention_id, position)
);

create table convention_document (
    convention_id uuid         not null references convention (id),
    position      integer      not null,
    title         varchar(300) not null,
    media_type    varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    primary key (convention_id, position)
);

create table amendment (
    id             uuid          primary key,
    convention_id  uuid          not null references convention (id),
    number         integer       not null,
    effective_date date          not null,
    summary        varchar(2000) not null,
    previous_end_date date,
    new_end_date   date,
    created_at     timestamptz   not null,
    unique (convention_id, number)
);

create table convention_history (
    id            uuid          primary key,
    convention_id uuid          not null references convention (id),
    occurred_on   date          not null,
    recorded_at   timestamptz   not null,
    type          varchar(30)   not null,
    description   varchar(2000) not null,
    from_authority_id uuid,
    to_authority_id   uuid
);
create index convention_history_by_convention on convention_history (convention_id, recorded_at);
