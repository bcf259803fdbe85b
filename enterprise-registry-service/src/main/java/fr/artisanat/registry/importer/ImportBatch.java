package fr.artisanat.registry.importer;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.artisanat.platform.changes.ChangesFeed;
import fr.artisanat.platform.csv.Csv;
import fr.artisanat.registry.messaging.outgoing.EstablishmentEvents;

/**
 * Writes a batch of staged rows set-based: COPY into a temporary table, then one statement that upserts only the rows whose
 * hash changed, classifies each change (registered, updated, closed, relocated) and writes its outbox event.
 * Near COPY speed, and a re-import of the same file changes nothing and emits nothing.
 */
final class ImportBatch {

    private static final String STAGING = """
            create temp table if not exists import_staging (
                siret char(14), siren char(9), nic char(5), diffusion char(1), name varchar(200),
                trade_name_1 varchar(200), trade_name_2 varchar(200), trade_name_3 varchar(200),
                street_number varchar(10), street_type varchar(10), street_name varchar(200), address_extra varchar(200),
                postal_code varchar(5), commune varchar(5), commune_name varchar(200), naf_code varchar(6),
                naf_nomenclature varchar(10), nafa_code varchar(6), craft_family varchar(20), employee_band varchar(2),
                band_year integer, created_on date, closed_on date, head_office boolean, employer boolean,
                active boolean, row_hash bigint, search_words text[], event_data text, line_number bigint)
                on commit delete rows""";

    /**
     * The last row of a SIRET in a batch wins (DISTINCT ON, by line number), so one batch never upserts a SIRET twice;
     * later batches merge after it, so the last row of the file wins. The event data comes serialized from Java
     * (EstablishmentEventData, without its closing brace's last members): the database only appends what it alone
     * knows, the version and an existing classification, and the previous commune of a relocation. Building JSON per
     * row in SQL cost more than everything else the statement does. A changed row takes this transaction's id
     * ({@link ChangesFeed#TRANSACTION}, the %s) and the next change sequence: it moves to the end of the changes feed.
     * <p>
     * An establishment that becomes protected (diffusion O → P) takes its words out of the dictionary, unless another
     * establishment holds them: no word of a withdrawn name is left to match. The statement sees the rows as they were
     * before it, so {@code withdrawn} reads the old words.
     */
    private static final String MERGE = """
            with incoming as (
                select distinct on (siret) * from import_staging order by siret, line_number desc
            ), words as (
                insert into search_word select distinct unnest(search_words) from incoming on conflict do nothing
            ), withdrawn as (
                select e.siret, unnest(e.search_words) as word from incoming i join establishment e using (siret)
                where e.diffusion = 'O' and i.diffusion <> 'O'
            ), forgotten_words as (
                delete from search_word s using withdrawn w where s.word = w.word
                    and w.word not in (select unnest(search_words) from incoming where search_words is not null)
                    and not exists (select 1 from establishment e where e.search_words @> array[w.word]
                        and e.siret not in (select siret from withdrawn))
            ), previous as materialized (
                select e.siret, e.commune, e.active from incoming i join establishment e using (siret)
            ), merged as (
                insert into establishment (siret, siren, nic, diffusion, name, trade_names, street_number, street_type,
                    street_name, address_extra, postal_code, commune, commune_name, naf_code, naf_nomenclature, nafa_code,
                    craft_family, employee_band, band_year, created_on, closed_on, head_office, employer, active,
                    row_hash, search_words, change_xid, change_seq, version, registered_at, updated_at)
                select siret, siren, nic, diffusion, name,
                    array_remove(array[trade_name_1, trade_name_2, trade_name_3]::varchar(200)[], null),
                    street_number, street_type, street_name, address_extra, postal_code, commune, commune_name, naf_code,
                    naf_nomenclature, nafa_code, craft_family, employee_band, band_year, created_on, closed_on,
                    head_office, employer, active, row_hash, search_words, %s, nextval('establishment_change_seq'), 0, now(), now()
                from incoming
                on conflict (siret) do update set siren = excluded.siren, nic = excluded.nic,
                    diffusion = excluded.diffusion, name = excluded.name, trade_names = excluded.trade_names,
                    street_number = excluded.street_number, street_type = excluded.street_type,
                    street_name = excluded.street_name, address_extra = excluded.address_extra,
                    postal_code = excluded.postal_code, commune = excluded.commune, commune_name = excluded.commune_name,
                    naf_code = excluded.naf_code, naf_nomenclature = excluded.naf_nomenclature,
                    nafa_code = excluded.nafa_code, craft_family = excluded.craft_family,
                    employee_band = excluded.employee_band, band_year = excluded.band_year,
                    created_on = excluded.created_on, closed_on = excluded.closed_on,
                    head_office = excluded.head_office, employer = excluded.employer, active = excluded.active,
                    row_hash = excluded.row_hash, search_words = excluded.search_words,
                    change_xid = excluded.change_xid, change_seq = excluded.change_seq,
                    version = establishment.version + 1, updated_at = now()
                where establishment.row_hash <> excluded.row_hash
                returning siret, commune, active, version, change_seq
            ), changes as (
                select m.siret, m.version, m.change_seq, p.commune as previous_commune,
                    case when p.siret is null then 'registered'
                         when p.active and not m.active then 'closed'
                         when p.commune <> m.commune then 'relocated'
                         else 'updated' end as what
                from merged m left join previous p using (siret)
            ), events as (
                insert into outbox_event (event_id, topic, aggregate_id, event_type, source, payload, occurred_at, request_id)
                select gen_random_uuid(), ?, c.siret, 'establishment.' || c.what || '.v1', ?,
                    ('{"establishment":' || left(i.event_data, -1) || ',"version":' || c.version
                        || case when cl.siret is null then '' else ',"classification":' || json_strip_nulls(json_build_object(
                            'metierArtDomain', cl.metier_art_domain, 'metierArtLabel', cl.metier_art_label,
                            'developmentPotential', cl.development_potential, 'tags', cl.tags))::text end
                        || '}' || case when c.what = 'relocated' then ',"previousCommune":"' || c.previous_commune || '"' else '' end
                        || '}')::json,
                    now(), ?
                from changes c join incoming i using (siret) left join classification cl using (siret)
                order by c.change_seq
            )
            select what, count(*) from changes group by what""".formatted(ChangesFeed.TRANSACTION);

    private final Connection connection;
    private final UUID jobId;
    private final String source;
    private final String requestId;
    private final PreparedStatement rejections;

    ImportBatch(Connection connection, UUID jobId, String source, String requestId) throws SQLException {
        this.connection = connection;
        this.jobId = jobId;
        this.source = source;
        this.requestId = requestId;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(STAGING);
        }
        this.rejections = connection.prepareStatement(
                "insert into import_rejection (job_id, line_number, siret, reason) values (?, ?, ?, ?)");
    }

    /** What the reader gathered for one batch: kept rows as CSV for COPY, rejected lines, and the counts so far. */
    static final class Rows {
        private final ObjectMapper json;
        private final StringBuilder copy = new StringBuilder();
        private final List<Rejection> rejected = new ArrayList<>();
        /** The establishments of the batch: a SIRET repeated in it is merged once. */
        private final Set<String> sirets = new HashSet<>();
        private int staged;
        private long readSoFar;
        private long keptSoFar;
        private long rejectedSoFar;

        Rows(ObjectMapper json) {
            this.json = json;
        }

        void stage(StagedRow row, long line) throws JsonProcessingException {
            List<Object> values = row.values();
            values.add(row.hash());
            values.add(row.searchWords());
            values.add(json.writeValueAsString(row.eventData()));
            values.add(line);
            copy.append(Csv.record(values));
            staged++;
            sirets.add(row.siret());
        }

        void reject(long line, String siret, String reason) {
            rejected.add(new Rejection(line, siret == null || siret.length() > 20 ? null : siret,
                    reason.length() > 300 ? reason.substring(0, 300) : reason));
        }

        int staged() {
            return staged;
        }

        /** The reader's counts once this batch is complete: the progress the writer records with it. */
        void soFar(long read, long kept, long rejectedRows) {
            readSoFar = read;
            keptSoFar = kept;
            rejectedSoFar = rejectedRows;
        }
    }

    private record Rejection(long line, String siret, String reason) {
    }

    /** Writes the rejections and merges the staged rows into {@code counts}; the caller commits. */
    void write(Rows rows, ImportCounts counts) throws SQLException, IOException {
        for (Rejection rejection : rows.rejected) {
            rejections.setObject(1, jobId);
            rejections.setLong(2, rejection.line());
            rejections.setString(3, rejection.siret());
            rejections.setString(4, rejection.reason());
            rejections.addBatch();
        }
        rejections.executeBatch();
        counts.read = rows.readSoFar;
        counts.kept = rows.keptSoFar;
        counts.rejected = rows.rejectedSoFar;
        if (rows.staged == 0) {
            return;
        }
        try (Statement memory = connection.createStatement()) {
            // the sorts of a batch (one SIRET per row, events in change order) stay in memory
            memory.execute("set local work_mem = '64MB'");
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy import_staging from stdin (format csv)", new StringReader(rows.copy.toString()));
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            merge.setString(1, EstablishmentEvents.TOPIC);
            merge.setString(2, source);
            merge.setString(3, requestId);
            try (ResultSet rs = merge.executeQuery()) {
                long changed = 0;
                while (rs.next()) {
                    counts.add(rs.getString(1), rs.getLong(2));
                    changed += rs.getLong(2);
                }
                counts.unchanged += rows.sirets.size() - changed;
            }
        }
    }
}
