-- Historical facts that a transfer to a successor authority must not rewrite (issue 7).

-- 1. A signatory signs for a partner, not for the party row that passes to the successor: the signature keeps the
--    authority it was given for.
alter table signatory add column partner_id uuid, add column partner_name varchar(200);
update signatory s set partner_id = p.partner_id, partner_name = p.partner_name
  from convention_party p where p.id = s.party_id;
-- Parties already transferred: the signature entry of the history names the partner the signatory signed for.
update signatory s set partner_id = p.transferred_from_id, partner_name = p.transferred_from_name
  from convention_party p, convention_history h
 where p.id = s.party_id and p.transferred_from_id is not null
   and h.convention_id = s.convention_id and h.type = 'SIGNATURE_RECORDED'
   and h.description = s.full_name || ' (' || s.role || ', ' || p.transferred_from_name || ') signed';
alter table signatory alter column partner_id set not null, alter column partner_name set not null, drop column party_id;

-- 2. The history keeps the order in which entries were recorded (recorded_at can tie within one transaction); the
--    API orders by the day each took effect from there (Convention.chronology).
alter table convention_history add column position integer;
update convention_history h set position = numbered.position
  from (select id, row_number() over (partition by convention_id order by recorded_at,
               array_position(array['CREATED', 'UPDATED', 'SIGNATURE_RECORDED', 'SIGNED', 'ACTIVATED', 'AMENDED',
                                    'TRANSFERRED', 'EXPIRED', 'TERMINATED'], type::text)) - 1 as position
          from convention_history) numbered
 where numbered.id = h.id;
alter table convention_history alter column position set not null;
drop index convention_history_by_convention;
alter table convention_history add constraint convention_history_position unique (convention_id, position);
