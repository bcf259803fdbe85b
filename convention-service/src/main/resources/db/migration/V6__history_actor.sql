-- Who made each change: the caller's id (its token's sub). Rows written before keep none.
alter table convention_history add column actor_id varchar(255);
