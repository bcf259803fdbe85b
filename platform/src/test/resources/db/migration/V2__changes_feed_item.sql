-- A table with a changes feed (fr.artisanat.platform.changes), written by ChangesFeedTest.
create sequence feed_item_change_seq;

create table feed_item (
    id         varchar(100) primary key,
    version    integer      not null,
    change_xid xid8         not null,
    change_seq bigint       not null
);
create index feed_item_by_change on feed_item (change_xid, change_seq);
