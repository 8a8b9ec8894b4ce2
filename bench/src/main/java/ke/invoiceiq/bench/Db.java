package ke.invoiceiq.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throw-away database for one run: created on the PostgreSQL server named by {@code --pg} (default the local one,
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, trust authentication), or, when none
 * answers there and an embedded one is allowed, on an embedded server (zonky, as the tests use) started for the run.
 * Dropped at the end unless kept.
 */
final class Db implements AutoCloseable {

    static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final EmbeddedPostgres embedded;
    private boolean keep;

    private Db(String adminUrl, String user, String password, String name, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.embedded = embedded;
    }

    static Db create(String prefix, String adminUrl, String user, String password, boolean allowEmbedded)
            throws IOException, SQLException {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        EmbeddedPostgres embedded = null;
        if (!answers(adminUrl, user, password)) {
            if (!allowEmbedded) {
                throw new IOException("no PostgreSQL answers at " + adminUrl + " (user " + user + ")");
            }
            Log.info("no PostgreSQL answers at %s: starting an embedded one (zonky, as the tests use)", adminUrl);
            embedded = EmbeddedPostgres.builder().start();
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        Db db = new Db(adminUrl, user, password, name, embedded);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        Log.info("database %s created on %s", name, embedded == null ? adminUrl : "the embedded server");
        return db;
    }

    private static boolean answers(String url, String user, String password) {
        try {
            var uri = java.net.URI.create(url.substring("jdbc:".length()));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()), 2000);
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                return c.isValid(2);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    /** The run database's JDBC URL. */
    String jdbcUrl() {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** host and port, for pgbench. */
    java.net.URI server() {
        return java.net.URI.create(jdbcUrl().substring("jdbc:".length()));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    void keep() {
        keep = true;
    }

    /** The rows of a query, each a column name → value map, in order. */
    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    long count(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, params);
        Object v = rows.isEmpty() ? null : rows.getFirst().values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        if (keep) {
            Log.info("database %s kept (%s)", name, jdbcUrl());
        } else {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                Log.info("database %s dropped", name);
            } catch (SQLException e) {
                Log.info("could not drop database %s: %s", name, e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                Log.info("could not stop the embedded PostgreSQL: %s", e.getMessage());
            }
        }
    }
}
