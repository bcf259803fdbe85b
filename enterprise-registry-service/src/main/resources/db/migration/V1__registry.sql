-- Extensions are per database: created once in public, used by the registry through its search_path.
create extension if not exists pg_trgm with schema public;

-- Reference data

create table naf_code (
    code         varchar(6)   primary key,
    label        varchar(300) not null,
    craft_family varchar(20),
    craft_scope  varchar(4)
);

create table employee_band (
    code          varchar(2)   primary key,
    min_employees integer,
    max_employees integer,
    label         varchar(100) not null
);

create table metier_art_domain (
    rank integer      primary key,
    name varchar(100) not null unique
);

create table territory (
    id         uuid         primary key,
    code       varchar(60)  not null unique,
    name       varchar(200) not null,
    kind       varchar(10)  not null,
    siren      char(9),
    valid_from date,
    valid_to   date,
    tracked    boolean      not null,
    version    bigint       not null default 0,
    created_at timestamptz  not null
);

create table territory_commune (
    territory_id uuid       not null references territory (id),
    insee_code   varchar(5) not null,
    commune_name varchar(200),
    primary key (territory_id, insee_code)
);
create index territory_commune_by_commune on territory_commune (insee_code);

-- Establishments, as the last SIRENE import saw them, plus the chamber's classification.

create sequence establishment_change_seq;

create table establishment (
    siret           char(14)     primary key,
    siren           char(9)      not null,
    nic             char(5)      not null,
    diffusion       char(1)      not null,
    name            varchar(200),
    trade_names     varchar(200)[],
    street_number   varchar(10),
    street_type     varchar(10),
    street_name     varchar(200),
    address_extra   varchar(200),
    postal_code     varchar(5),
    commune         varchar(5)   not null,
    commune_name    varchar(200),
    naf_code        varchar(6)   not null,
    naf_nomenclature varchar(10),
    nafa_code       varchar(6),
    craft_family    varchar(20)  not null,
    employee_band   varchar(2),
    band_year       integer,
    created_on      date,
    closed_on       date,
    head_office     boolean      not null,
    employer        boolean      not null,
    active          boolean      not null,
    row_hash        bigint       not null,
    change_seq      bigint       not null,
    version         bigint       not null default 0,
    registered_at   timestamptz  not null,
    updated_at      timestamptz  not null,
    -- What name search looks at, folded by the importer (SearchText): null for diffusion P, so a protected name
    -- can never be matched.
    search_text     text
);
create index establishment_by_commune on establishment (commune);
create index establishment_by_change on establishment (change_seq);
-- GiST, not GIN: it serves "nearest names first" (ORDER BY <<->) straight from the index, so a common word such as
-- "boulangerie" returns its best page without ranking every bakery.
create index establishment_search on establishment using gist (search_text gist_trgm_ops);

create table classification (
    siret               char(14)     primary key references establishment (siret),
    metier_art_domain   integer      references metier_art_domain (rank),
    metier_art_label    varchar(200),
    development_potential boolean    not null default false,
    tags                varchar(60)[] not null default '{}',
    version             bigint       not null default 0,
    updated_by          varchar(200) not null,
    updated_at          timestamptz  not null
);
create index classification_tags on classification using gin (tags);

create table adviser_note (
    id         uuid          primary key,
    siret      char(14)      not null references establishment (siret),
    author     varchar(200)  not null,
    text       varchar(4000) not null,
    created_at timestamptz   not null
);

-- Imports of SIRENE files and what they rejected.

create table import_job (
    id          uuid          primary key,
    source      varchar(1000) not null,
    status      varchar(20)   not null,
    started_at  timestamptz   not null,
    finished_at timestamptz,
    rows_read   bigint        not null default 0,
    kept        bigint        not null default 0,
    inserted    bigint        not null default 0,
    updated     bigint        not null default 0,
    closed      bigint        not null default 0,
    unchanged   bigint        not null default 0,
    rejected    bigint        not null default 0,
    error       varchar(2000)
);

-- At most one import runs at a time.
create unique index import_job_one_running on import_job ((true)) where status = 'RUNNING';

create table import_rejection (
    job_id      uuid         not null references import_job (id),
    line_number bigint       not null,
    siret       varchar(20),
    reason      varchar(300) not null,
    primary key (job_id, line_number)
);

-- The data of every establishment event, in one place for the import (set-based) and for the service (one row).
-- Privacy: for diffusion P the name, trade names and address are never part of it.
create function establishment_event_data(e establishment, c classification) returns json
    language sql stable
as $$
select json_strip_nulls(json_build_object(
    'siret', e.siret, 'siren', e.siren, 'diffusion', e.diffusion,
    'name', case when e.diffusion = 'O' then e.name end,
    'tradeNames', case when e.diffusion = 'O' then to_json(e.trade_names) end,
    'address', case when e.diffusion = 'O' then json_build_object('streetNumber', e.street_number, 'streetType', e.street_type,
        'streetName', e.street_name, 'extra', e.address_extra, 'postalCode', e.postal_code, 'communeName', e.commune_name) end,
    'commune', e.commune, 'nafCode', e.naf_code, 'nafNomenclature', e.naf_nomenclature, 'nafaCode', e.nafa_code,
    'craftFamily', e.craft_family, 'employeeBand', e.employee_band, 'bandYear', e.band_year,
    'createdOn', e.created_on, 'closedOn', e.closed_on, 'headOffice', e.head_office, 'employer', e.employer,
    'active', e.active, 'version', e.version,
    'classification', case when c.siret is not null then json_build_object('metierArtDomain', c.metier_art_domain,
        'metierArtLabel', c.metier_art_label, 'developmentPotential', c.development_potential, 'tags', to_json(c.tags)) end))
$$;
