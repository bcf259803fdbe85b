-- The changes feed is ordered by the writing transaction, then by the sequence, and serves only what is below the
-- oldest transaction in progress (docs/adr/0007-commit-ordered-changes-feed.md). Rows written before carry
-- transaction 0 and keep their sequence, so a cursor of the sequence-ordered feed (N) is the position (0, N).
-- A constant default fills the column without rewriting the table; every write sets it from now on.
alter table establishment add column change_xid xid8 not null default '0';
alter table establishment alter column change_xid drop default;

drop index establishment_by_change;
create index establishment_by_change on establishment (change_xid, change_seq);
