package fr.artisanat.registry.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGStatement;

/** Plain SQL for the read side, where the registry's queries (trigram search, statistics) are SQL-shaped. */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    DataSource dataSource;

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        return list(sql, params, mapper, false);
    }

    /**
     * Like {@link #list}, but planned for these values every time. By default a statement run often is prepared once
     * and PostgreSQL may settle on a generic plan, blind to the values: right for most queries, wrong when a value
     * decides the plan (how common a searched word is).
     */
    public <T> List<T> listPlannedForValues(String sql, List<?> params, RowMapper<T> mapper) {
        return list(sql, params, mapper, true);
    }

    private <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper, boolean planForValues) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params)) {
            if (planForValues) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0); // unnamed statement: planned at each run
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    /** Streams the rows to {@code each} without holding them: for exports of any size. */
    public void forEach(String sql, List<?> params, RowMapper<Void> each) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement statement = prepare(connection, sql, params)) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        each.map(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }
}
