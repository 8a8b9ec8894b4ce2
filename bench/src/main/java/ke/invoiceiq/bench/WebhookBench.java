package ke.invoiceiq.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook acknowledgement benchmark of issue 15: signed WhatsApp webhooks (a customer's text, each from a number of
 * its own, each body signed on its own) POSTed open-loop at fixed rates to one instance of the packaged service (prod
 * profile) on the local PostgreSQL, latency measured from the moment each request was due (so a generator or server
 * that falls behind is counted, not hidden); then how many acknowledged webhooks were processed (the customer's reply
 * queued) within the settle time. pgbench's single-row INSERT on the same database, in the same run, for comparison.
 * docs/benchmarks.md.
 */
public final class WebhookBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<Integer> rates;
    private final int durationSeconds;
    private final int warmupSeconds;
    private final int settleSeconds;
    private final int pgbenchSeconds;
    private final Path app;
    private final Path out;
    private final String pgUrl;
    private final String pgUser;
    private final String heap;
    private final boolean keepDb;

    private final StringBuilder report = new StringBuilder();

    WebhookBench(Args args) {
        rates = Arrays.stream(args.string("rates", "100,250,500").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        durationSeconds = args.integer("duration", 30);
        warmupSeconds = args.integer("warmup", 20);
        settleSeconds = args.integer("settle", 120);
        pgbenchSeconds = args.integer("pgbench-seconds", 20);
        app = Path.of(args.string("app", "bootstrap/target/quarkus-app")).toAbsolutePath().normalize();
        out = Path.of(args.string("out", "bench/target/webhook-bench-" + LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        pgUrl = args.string("pg", Db.LOCAL_ADMIN_URL);
        pgUser = args.string("pg-user", "postgres");
        heap = args.string("heap", "512m");
        keepDb = args.flag("keep-db");
    }

    public static void main(String[] argv) {
        int exit;
        try {
            Args args = new Args(argv);
            WebhookBench bench = new WebhookBench(args);
            args.refuseUnknown();
            exit = bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println("webhook-bench: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    /** One rate's numbers. */
    record Result(int rate, int sent, double achieved, long p50, long p90, long p99, long p999, long max, long sendP99,
            int errors, int acknowledged, long unprocessed, String processedAfter) {
    }

    int run() throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.err.println("webhook-bench: no packaged service at " + app);
            return 2;
        }
        Files.createDirectories(out);
        line("# Webhook acknowledgement benchmark, %s", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        line("");
        line("machine: %d cores (%s), %s; %s; JDK %s; load average at the start %s (other work on the machine)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), loadAverage());
        try (Db db = Db.create("invoiceiq_bench", pgUrl, pgUser, "", false);
                Providers providers = new Providers(Providers.Faults.none(6000, 80), 1, any -> true)) {
            if (keepDb) {
                db.keep();
            }
            line("database: %s (%s)", db.name(), serverSettings(db));
            List<String> pgbench = pgbench(db);
            ServiceInstance service = new ServiceInstance("bench", app, out,
                    ServiceEnv.of(db, providers.baseUrl("a"), Population.STAFF_ACTIVE, Map.of()), List.of("-Xmx" + heap));
            service.start();
            try {
                if (!service.awaitReady(Duration.ofSeconds(180))) {
                    Log.info("the service did not become ready:%n%s", Soak.tail(service.logs().getLast(), 40));
                    return 2;
                }
                // HTTP/1.1, as Meta's webhook deliveries; one connection per request in flight
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                Log.info("warm-up: %d s at 50/s", warmupSeconds);
                Result warm = load(http, service, db, providers, 50, warmupSeconds, 9);
                Log.info("warm-up: p50 %d ms, p99 %d ms", warm.p50(), warm.p99());
                List<Result> results = new ArrayList<>();
                int index = 0;
                for (int rate : rates) {
                    Log.info("%d webhooks/s for %d s", rate, durationSeconds);
                    Result r = load(http, service, db, providers, rate, durationSeconds, index++);
                    results.add(r);
                    Log.info("%d/s: p50 %d ms, p99 %d ms, errors %d, not processed within %d s: %d (load average %s)",
                            rate, r.p50(), r.p99(), r.errors(), settleSeconds, r.unprocessed(), loadAverage());
                }
                line("service: packaged jar (prod profile, -Xmx%s), one instance, production settings (4 webhook "
                        + "workers, queue 1000, sweeper every 15 s)", heap);
                line("load: %d s per rate after a %d s warm-up at 50/s; each request a customer's text from a number "
                        + "of its own, signed on its own (HMAC-SHA256); open loop, latency from the moment the "
                        + "request was due", durationSeconds, warmupSeconds);
                line("");
                line("load average at the end: %s", loadAverage());
                line("");
                line("| rate (/s) | sent | achieved (/s) | p50 | p90 | p99 | p99.9 | max | p99 from send | errors "
                        + "| acknowledged, not processed within %d s | all processed after |", settleSeconds);
                line("|---|---|---|---|---|---|---|---|---|---|---|---|");
                for (Result r : results) {
                    line("| %d | %d | %.0f | %d ms | %d ms | %d ms | %d ms | %d ms | %d ms | %d | %d | %s |", r.rate(),
                            r.sent(), r.achieved(), r.p50(), r.p90(), r.p99(), r.p999(), r.max(), r.sendP99(),
                            r.errors(), r.unprocessed(), r.processedAfter());
                }
                line("");
                line("pgbench, single-row INSERT (%s), same database, same run, before the service's load:",
                        "INSERT INTO pgbench.single_insert (body) VALUES (repeat('x', 700))");
                line("");
                for (String p : pgbench) {
                    line("%s", p);
                }
                Files.writeString(out.resolve("results.md"), report);
                Log.info("results: %s", out.resolve("results.md"));
                return 0;
            } finally {
                service.stop();
            }
        }
    }

    private Result load(HttpClient http, ServiceInstance service, Db db, Providers providers, int rate, int seconds,
            int series)
            throws Exception {
        int n = rate * seconds;
        long base = 40_000_000L + series * 1_000_000L;
        String prefix = "wamid.bench-" + series + "-";
        URI uri = URI.create(service.baseUrl() + "/whatsapp/webhook");
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String from = "2547" + String.format("%08d", base + i);
            providers.noteInbound(from); // the customer wrote: the reply is inside WhatsApp's 24-hour window
            byte[] body = Bodies.whatsAppText(ServiceEnv.PHONE_ID, from, prefix + i, "hi")
                    .getBytes(StandardCharsets.UTF_8);
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", Bodies.signature(body, ServiceEnv.APP_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        long[] fromDue = new long[n];
        long[] fromSend = new long[n];
        int[] status = new int[n];
        java.util.concurrent.ConcurrentHashMap<String, AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong acknowledged = new AtomicLong();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(n);
        long start = System.nanoTime() + 50_000_000;
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        long done = System.nanoTime();
                        fromDue[k] = done - due;
                        fromSend[k] = done - sent;
                        status[k] = error == null ? response.statusCode() : -1;
                        if (status[k] != 200) {
                            String kind = error == null ? "HTTP " + status[k]
                                    : (error.getCause() == null ? error : error.getCause()).toString();
                            failures.computeIfAbsent(kind.length() > 120 ? kind.substring(0, 120) : kind,
                                    x -> new AtomicLong()).incrementAndGet();
                        }
                        if (status[k] == 200) {
                            acknowledged.incrementAndGet();
                        }
                        return null;
                    }));
        }
        long lastDue = start + (n - 1) * interval;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double achieved = n / ((lastDue - start) / 1e9 + 1.0 / rate);
        int errors = (int) Arrays.stream(status).filter(s -> s != 200).count();
        if (errors > 0) {
            Log.info("%d/s: not answered 200: %s", rate, failures);
        }
        // processed: the customer's reply is queued (the help text to each number); acknowledged ones only. The time
        // is counted from the end of the load: how long the backlog of acknowledged but unprocessed webhooks lasted.
        String low = "2547" + String.format("%08d", base);
        String high = "2547" + String.format("%08d", base + n - 1);
        long loadEnded = System.nanoTime();
        long answered;
        String processedAfter = null;
        while (true) {
            answered = db.count("SELECT count(DISTINCT recipient_msisdn) FROM outbox WHERE recipient_msisdn "
                    + "BETWEEN ? AND ?", low, high);
            if (processedAfter == null && answered >= acknowledged.get()) {
                processedAfter = String.format("%.1f s", (System.nanoTime() - loadEnded) / 1e9);
            }
            // the replies are sent at the number's throughput (80/s): let them go before the next rate starts
            long outboxOpen = db.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
            if (processedAfter != null && outboxOpen == 0) {
                break;
            }
            if (System.nanoTime() - loadEnded > settleSeconds * 1_000_000_000L) {
                break;
            }
            Thread.sleep(250);
        }
        if (processedAfter == null) {
            processedAfter = "not within " + settleSeconds + " s";
        }
        long[] due = Arrays.stream(fromDue).sorted().toArray();
        long[] send = Arrays.stream(fromSend).sorted().toArray();
        return new Result(rate, n, achieved, ms(due, 0.50), ms(due, 0.90), ms(due, 0.99), ms(due, 0.999),
                ms(due, 1.0), ms(send, 0.99), errors, (int) acknowledged.get(),
                Math.max(0, acknowledged.get() - answered), processedAfter);
    }

    private static long ms(long[] sortedNanos, double quantile) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return Math.round(sortedNanos[Math.max(0, i)] / 1e6);
    }

    private List<String> pgbench(Db db) throws IOException, InterruptedException, java.sql.SQLException {
        // a schema of its own: Flyway refuses to migrate a public schema that holds tables it does not know
        db.execute("CREATE SCHEMA pgbench; CREATE TABLE pgbench.single_insert (id bigserial PRIMARY KEY, "
                + "body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())");
        Path script = out.resolve("single-insert.sql");
        Files.writeString(script, "INSERT INTO pgbench.single_insert (body) VALUES (repeat('x', 700));\n");
        List<String> lines = new ArrayList<>();
        for (int clients : new int[] {1, 8}) {
            List<String> command = List.of("pgbench", "-n", "-h", db.server().getHost(), "-p",
                    Integer.toString(db.server().getPort()), "-U", db.user(), "-c", Integer.toString(clients), "-j",
                    Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(pgbenchSeconds), "-f",
                    script.toString(), db.name());
            Log.info("%s", String.join(" ", command));
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("pgbench not found: install it (Debian: apt-get install postgresql-client or "
                        + "postgresql-contrib)", e);
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("pgbench failed:\n" + output);
            }
            Files.writeString(out.resolve("pgbench-c" + clients + ".txt"), output);
            lines.add("- `%s`: **%s TPS**, latency average %s ms".formatted(
                    String.join(" ", command).replace(script.toString(), "single-insert.sql"),
                    find(output, "tps = ([0-9.]+)"), find(output, "latency average = ([0-9.]+) ms")));
        }
        return lines;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    static String serverSettings(Db db) throws java.sql.SQLException {
        Map<String, Object> row = db.rows("SELECT version() AS v, current_setting('synchronous_commit') AS sc, "
                + "current_setting('fsync') AS f, current_setting('shared_buffers') AS sb, "
                + "current_setting('max_connections') AS mc").getFirst();
        String version = row.get("v").toString();
        return version.substring(0, version.indexOf(" on ") > 0 ? version.indexOf(" on ") : version.length())
                + ", synchronous_commit=" + row.get("sc") + ", fsync=" + row.get("f") + ", shared_buffers="
                + row.get("sb") + ", max_connections=" + row.get("mc");
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB RAM")
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
