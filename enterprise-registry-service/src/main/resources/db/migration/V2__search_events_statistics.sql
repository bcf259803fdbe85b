-- Name search by words instead of one trigram string (docs/adr/0006-name-search-by-words.md): a GIN index over the
-- words of each name, and a dictionary of every word, where a typo finds the words it is close to.

alter table establishment add column search_words text[];
update establishment
set search_words = array(select distinct w from unnest(regexp_split_to_array(search_text, '[^[:alnum:]]+')) w where w <> '')
where search_text is not null;

-- Every word of a searchable name (never of a diffusion P one: those have no words). Words are only ever added: a
-- word no name uses any more finds nothing.
create table search_word (
    word text primary key
);
insert into search_word select distinct unnest(search_words) from establishment;
create index search_word_trigrams on search_word using gin (word gin_trgm_ops);

drop index establishment_search;
alter table establishment drop column search_text;
create index establishment_search on establishment using gin (search_words);

-- Event data is built in Java (EstablishmentEventData), for the import and for the service alike.
drop function establishment_event_data(establishment, classification);

-- Territory statistics read these columns for every establishment of a territory's communes: covered by the index,
-- they come from a few index pages instead of one heap page per establishment.
drop index establishment_by_commune;
create index establishment_by_commune on establishment (commune)
    include (siret, active, craft_family, employee_band, created_on, closed_on);
