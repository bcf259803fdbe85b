-- What a data-exchange line shares, as a category the suite acts on (docs/data-sharing.md): until now only the free
-- text said it. Lines written before get the category their text and provider state: a chamber's line naming the
-- répertoire des métiers is craft-registry data, a chamber's statistics are craft statistics, the rest is other data
-- (which shares nothing in the registry: a line in doubt is not read as a permission).
alter table data_exchange add column category varchar(20);
update data_exchange d set category = case
        when p.partner_type = 'CHAMBER' and d.data ~* 'r[eéÉ]pertoire des m[eéÉ]tiers' then 'CRAFT_REGISTRY'
        when p.partner_type = 'CHAMBER' and d.data ~* 'statistique' then 'CRAFT_STATISTICS'
        else 'OTHER' end
  from convention_party p
 where p.id = d.provider_party_id;
update data_exchange set category = 'OTHER' where category is null;
alter table data_exchange alter column category set not null;
