package fr.artisanat.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.artisanat.registry.sirene.SireneColumns;
import fr.artisanat.registry.sirene.SireneCsvReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo data of {@code ./suite run} is the one the service loaded when it generated its file at start-up (before
 * the generator left it for its own module, docs/adr/0009): the expected figures and fingerprints were captured from
 * that version. Only the establishments of the demo file are looked at, since the other tests share the database.
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static final class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.demo-data", "true");
        }
    }

    @Inject
    DataSource dataSource;

    /**
     * Registered by the demo import: a test that ran before may have stored a SIRET of the demo file that the demo
     * does not keep (the import report shows the demo inserted all it kept and updated nothing).
     */
    private static final String LOADED_BY_THE_DEMO =
            " registered_at >= (select started_at from import_job where source like 'demo:%') ";

    private List<String> demoSirets;

    @BeforeEach
    void readTheSiretsOfTheDemoFile() throws IOException {
        demoSirets = new ArrayList<>();
        try (InputStream file = getClass().getClassLoader().getResourceAsStream(DemoData.DEMO_FILE);
                SireneCsvReader reader = new SireneCsvReader(file)) {
            while (reader.next()) {
                if (reader.wellFormed()) {
                    demoSirets.add(reader.get(SireneColumns.SIRET));
                }
            }
        }
    }

    @Test
    void theDemoImportReadsTheSameRowsAndRejectsTheSameLines() throws SQLException {
        assertEquals(List.of(List.of(20000L, 11975L, 11975L, 0L, 0L, 0L, 12L)), rows("""
                select rows_read, kept, inserted, updated, closed, unchanged, rejected from import_job
                where source like 'demo:%'"""));
        assertEquals(List.of(List.of(12L, "5bb94f3bfc757b0051a61ec38a447697")), rows("""
                select count(*), md5(string_agg(line_number || ':' || coalesce(siret, '') || ':' || reason, ','
                    order by line_number))
                from import_rejection where job_id = (select id from import_job where source like 'demo:%')"""));
    }

    @Test
    void theSameEstablishmentsAreLoaded() throws SQLException {
        assertEquals(List.of(List.of(11975L, 10158L, 600L, "87a785097ee6c19216ae45598b1b4f82")), rows("""
                select count(*), count(*) filter (where active), count(*) filter (where diffusion = 'P'),
                md5(string_agg(concat_ws('|', siret, name, array_to_string(trade_names, '/'), street_number, street_type,
                    street_name, address_extra, postal_code, commune, commune_name, naf_code, nafa_code, craft_family,
                    employee_band, band_year, created_on, closed_on, head_office, employer, active, diffusion), ','
                    order by siret))
                from establishment where siret = any(?::bpchar[]) and """ + LOADED_BY_THE_DEMO));
        assertEquals(List.of(List.of("10060496600018", "COIFFURE RICHARD", "13016", "96.02A"),
                List.of("10116444000014", "BOUCHERIE DE LA PLACE", "13007", "47.22Z"),
                List.of("10185012100027", "ATELIER ARNAUD", "13086", "23.49Z")), rows("""
                select siret, name, commune, naf_code from establishment
                where siret = any(?::bpchar[]) and """ + LOADED_BY_THE_DEMO + """
                and commune like '13%' and name is not null order by siret limit 3"""));
        assertEquals(List.of(List.of("10230724600011", "GUERIN ET FILS", "26058", "47.81Z"),
                List.of("10233283000011", "MACONNERIE MERCIER", "26039", "43.99C"),
                List.of("10378096100019", "REY ET FILS", "26362", "08.92Z")), rows("""
                select siret, name, commune, naf_code from establishment
                where siret = any(?::bpchar[]) and """ + LOADED_BY_THE_DEMO + """
                and commune like '26%' and name is not null order by siret limit 3"""));
    }

    @Test
    void theChamberClassifiesTheSameEstablishments() throws SQLException {
        assertEquals(List.of(List.of(394L, 89L, "363a7034aa64daa2d88ffff3c63452ac")), rows("""
                select count(*), count(*) filter (where 'filiere-argile' = any(tags)),
                md5(string_agg(concat_ws('|', siret, metier_art_domain, array_to_string(tags, '/'),
                    development_potential), ',' order by siret))
                from classification where siret = any(?::bpchar[])"""));
    }

    /** The rows of a query whose only parameter, if any, is the array of the demo file's SIRETs. */
    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                Array sirets = connection.createArrayOf("varchar", demoSirets.toArray());
                statement.setArray(1, sirets);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof String text ? text.strip() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
