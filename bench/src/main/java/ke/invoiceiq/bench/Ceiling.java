package ke.invoiceiq.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own ceiling, measured in the same run as a benchmark's figure so the two can be read side by side:
 * pgbench's single-row INSERT (the same statement and table as the webhook benchmark's) with 1 and 32 clients on a
 * throw-away database of the same PostgreSQL, and what the machine is (cores, CPU, memory, JDK, load average).
 */
final class Ceiling {

    static final String INSERT = "INSERT INTO pgbench.single_insert (body) VALUES (repeat('x', 700))";

    /** One pgbench run. */
    record Pgbench(int clients, int threads, int seconds, double tps, double latencyMs, String command) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("threads", threads);
            m.put("seconds", seconds);
            m.put("tps", tps);
            m.put("latency_avg_ms", latencyMs);
            m.put("command", command);
            return m;
        }
    }

    private Ceiling() {
    }

    static String machine() {
        return String.format("%d cores (%s), %s; %s; JDK %s; load average at the start %s",
                Runtime.getRuntime().availableProcessors(), WebhookBench.cpuModel(), WebhookBench.memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), WebhookBench.loadAverage());
    }

    static Map<String, Object> machineJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", WebhookBench.cpuModel());
        m.put("memory", WebhookBench.memory());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jdk", System.getProperty("java.version"));
        m.put("load_average_at_start", WebhookBench.loadAverage());
        return m;
    }

    /**
     * pgbench with 1 and 32 clients (2 threads: the machine's cores) on a database of its own, created and dropped
     * here, so the benchmark's databases hold nothing but the service's tables.
     */
    static List<Pgbench> pgbench(String adminUrl, String user, Path out, int seconds)
            throws IOException, InterruptedException, SQLException {
        List<Pgbench> results = new ArrayList<>();
        try (Db db = Db.create("invoiceiq_pgbench", adminUrl, user, "", false)) {
            db.execute("CREATE SCHEMA pgbench; CREATE TABLE pgbench.single_insert (id bigserial PRIMARY KEY, "
                    + "body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())");
            Path script = out.resolve("single-insert.sql");
            Files.writeString(script, INSERT + ";\n");
            for (int clients : new int[] {1, 32}) {
                int threads = Math.min(clients, 2);
                List<String> command = List.of("pgbench", "-n", "-h", db.server().getHost(), "-p",
                        Integer.toString(db.server().getPort()), "-U", db.user(), "-c", Integer.toString(clients),
                        "-j", Integer.toString(threads), "-T", Integer.toString(seconds), "-f", script.toString(),
                        db.name());
                Log.info("%s", String.join(" ", command));
                Process p;
                try {
                    p = new ProcessBuilder(command).redirectErrorStream(true).start();
                } catch (IOException e) {
                    throw new IOException("pgbench not found: install it (Debian: apt-get install postgresql-client)",
                            e);
                }
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IOException("pgbench failed:\n" + output);
                }
                Files.writeString(out.resolve("pgbench-c" + clients + ".txt"), output);
                results.add(new Pgbench(clients, threads, seconds, number(output, "tps = ([0-9.]+)"),
                        number(output, "latency average = ([0-9.]+) ms"),
                        String.join(" ", command).replace(script.toString(), "single-insert.sql")
                                .replace(db.name(), "<db>")));
            }
        }
        return results;
    }

    static String summary(List<Pgbench> runs) {
        StringBuilder s = new StringBuilder();
        for (Pgbench p : runs) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(String.format("%d client%s: %.0f TPS (%.2f ms)", p.clients(), p.clients() == 1 ? "" : "s",
                    p.tps(), p.latencyMs()));
        }
        return s.toString();
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Nanosecond samples, sorted: the value at a quantile (nearest rank), in milliseconds. */
    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** The most arrivals in any window of one second ([t, t + 1 s)), arrivals sorted (nanoTime). */
    static int maxInAnySecond(long[] sorted) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < sorted.length; to++) {
            while (sorted[to] - sorted[from] >= 1_000_000_000L) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
