package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The adapters' way to the database beside the entities. Entities map rows for reads and plain inserts;
 * every conditional write (versioned update, {@code ON CONFLICT}, {@code SKIP LOCKED}) is one SQL statement
 * whose row count is the answer, run here on the transaction's own connection.
 *
 * <p>The rule that keeps both ways consistent: the adapters never leave an entity managed. Pending changes
 * are flushed before each statement, and every entity read or persisted is detached at once, so a statement
 * can never be contradicted by a stale copy in the persistence context.
 */
@ApplicationScoped
class Sql {

    /** A row of a result set, read into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final EntityManager em;

    @Inject
    Sql(EntityManager em) {
        this.em = em;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    int update(String sql, Object... params) {
        em.flush();
        return session().doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        });
    }

    /** Runs a query (or a statement with RETURNING) and reads every row. */
    <T> List<T> query(String sql, Row<T> row, Object... params) {
        em.flush();
        return session().doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    var rows = new ArrayList<T>();
                    while (rs.next()) {
                        rows.add(row.read(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** Inserts a new row through its entity, then lets go of the entity. */
    void insert(Object entity) {
        em.persist(entity);
        em.flush();
        em.detach(entity);
    }

    /** Lets go of an entity just read, so later statements cannot be contradicted by it. */
    <T> T detached(T entity) {
        if (entity != null) {
            em.detach(entity);
        }
        return entity;
    }

    <T> List<T> detached(List<T> entities) {
        entities.forEach(em::detach);
        return entities;
    }

    <T> Optional<T> detached(Optional<T> entity) {
        entity.ifPresent(em::detach);
        return entity;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i] instanceof Optional<?> o ? o.orElse(null) : params[i];
            int index = i + 1;
            switch (value) {
                case null -> ps.setNull(index, Types.NULL);
                case Instant t -> ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                case LocalDate d -> ps.setObject(index, d);
                case String s -> ps.setString(index, s);
                case Long l -> ps.setLong(index, l);
                case Integer n -> ps.setInt(index, n);
                case Boolean b -> ps.setBoolean(index, b);
                case BigDecimal d -> ps.setBigDecimal(index, d);
                case Enum<?> e -> ps.setString(index, e.name());
                case byte[] bytes -> ps.setBytes(index, bytes);
                case String[] texts -> ps.setArray(index, ps.getConnection().createArrayOf("text", texts));
                default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
            }
        }
    }
}
