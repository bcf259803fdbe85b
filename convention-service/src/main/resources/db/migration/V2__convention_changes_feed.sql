-- The changes feed of conventions (docs/adr/0007-commit-ordered-changes-feed.md): every write of a convention row
-- sets the id of the writing transaction and the next value of this sequence, so the convention moves to the end of
-- the feed, which serves in that order what is below the oldest transaction still in progress.
create sequence convention_change_seq;

-- Conventions written before: transaction 0, in the order of their last change. A position is the pair, so these
-- numbers may repeat the sequence's later ones.
alter table convention add column change_xid xid8 not null default '0', add column change_seq bigint;
update convention c set change_seq = ordered.n
from (select id, row_number() over (order by updated_at, id) as n from convention) ordered
where ordered.id = c.id;
alter table convention alter column change_xid drop default, alter column change_seq set not null;

create index convention_by_change on convention (change_xid, change_seq);
