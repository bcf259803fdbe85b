-- A history entry's description is composed by the domain from bounded inputs plus its own words
-- ("Amendment no. 3: " and a summary of up to 2,000 characters): the column must not be the limit.
alter table convention_history alter column description type text;
