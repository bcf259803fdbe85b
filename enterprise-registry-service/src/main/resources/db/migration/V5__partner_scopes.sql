-- Issue 10, authorization per partner (docs/registry.md, "Who sees what").

-- Who defined a custom territory: 'authority:<SIREN>' or 'chamber:<id>', from the caller's token; null for the EPCIs
-- and for territories defined by an administrator (or before this change), which only administrators see as custom.
alter table territory add column owner_partner varchar(50);

-- The chamber an adviser's note belongs to, the only one that reads it; null for an administrator's note and for the
-- notes written before this change (administrators only). `author` is now the adviser's id (the token's subject).
alter table adviser_note add column chamber_id uuid;
create index adviser_note_siret on adviser_note (siret, chamber_id);
