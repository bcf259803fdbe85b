-- State changed by the test consumer: one row per greeting applied.
create table greeting (
    event_id varchar(200) not null,
    text     varchar(200) not null
);
