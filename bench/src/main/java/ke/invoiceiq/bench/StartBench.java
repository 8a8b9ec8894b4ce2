package ke.invoiceiq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's benchmark: how fast the packaged service (prod profile) is ready and how much memory it holds, started as
 * the JVM image starts it (the flags of src/main/docker/jvm-options, the AOT cache trained by
 * src/main/docker/aot-training.sh) inside a memory limit of 256 MB, and whether the whole flow (a merchant's invoice
 * by WhatsApp, the Graph API call, the customer's Pay tap, the STK push, Daraja's callback, the receipts) runs in it.
 * pgbench's single-row INSERT TPS (1 and 32 clients) on the same database, same run: the machine's own ceiling.
 * docs/benchmarks.md, "Start and memory".
 */
public final class StartBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long READY_TARGET_MS = 1500;
    private static final long IDLE_RSS_TARGET_MB = 160;

    private final boolean smoke;
    private final int launches;
    private final int invoices;
    private final int idleSeconds;
    private final int pgbenchSeconds;
    private final long limitMb;
    private final boolean aot;
    private final boolean train;
    private final boolean forceTraining;
    private final Path app;
    private final Path jvmOptions;
    private final Path out;
    private final String pgUrl;
    private final String pgUser;
    private final boolean keepDb;

    private final StringBuilder report = new StringBuilder();
    private final Map<String, Object> json = new LinkedHashMap<>();

    StartBench(Args args) {
        smoke = args.flag("smoke");
        launches = args.integer("launches", smoke ? 1 : 5);
        invoices = args.integer("invoices", smoke ? 2 : 20);
        idleSeconds = args.integer("idle-seconds", smoke ? 3 : 5);
        pgbenchSeconds = args.integer("pgbench-seconds", smoke ? 2 : 10);
        limitMb = args.integer("memory-limit-mb", 256);
        aot = !args.flag("no-aot");
        train = aot && !args.flag("no-training");
        forceTraining = args.flag("train");
        app = Path.of(args.string("app", "bootstrap/target/quarkus-app")).toAbsolutePath().normalize();
        jvmOptions = Path.of(args.string("jvm-options", "src/main/docker/jvm-options")).toAbsolutePath().normalize();
        out = Path.of(args.string("out", "bench/target/start-bench-" + LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        pgUrl = args.string("pg", Db.LOCAL_ADMIN_URL);
        pgUser = args.string("pg-user", "postgres");
        keepDb = args.flag("keep-db");
    }

    public static void main(String[] argv) {
        int exit;
        try {
            Args args = new Args(argv);
            StartBench bench = new StartBench(args);
            args.refuseUnknown();
            exit = bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println("start-bench: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    /** One launch's numbers. */
    record Launch(int n, boolean migrates, long readyMs, long cpuMsToReady, long idleRssMb, long idleAnonMb,
            long idleFileMb) {
    }

    int run() throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.err.println("start-bench: no packaged service at " + app);
            return 2;
        }
        if (!Files.isRegularFile(jvmOptions)) {
            System.err.println("start-bench: no JVM options file at " + jvmOptions);
            return 2;
        }
        Files.createDirectories(out);
        List<String> flags = Files.readAllLines(jvmOptions).stream().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        line("# Start and memory benchmark%s, %s", smoke ? " (smoke)" : "",
                ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        line("");
        line("machine: %d cores (%s), %s; %s; JDK %s (%s); load average at the start %s (other work on the machine)",
                Runtime.getRuntime().availableProcessors(), StartMachine.cpuModel(), StartMachine.memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.version"), StartMachine.loadAverage());
        line("JVM flags (%s): `%s`%s", Path.of("").toAbsolutePath().relativize(jvmOptions), String.join(" ", flags),
                aot ? " + `-XX:AOTCache=app.aot`" : " (no AOT cache)");
        json.put("date", ZonedDateTime.now().toString());
        json.put("smoke", smoke);
        json.put("commit", git("rev-parse", "--short", "HEAD"));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("cpu", StartMachine.cpuModel());
        json.put("jdk", System.getProperty("java.vm.version"));
        json.put("loadAverageAtStart", StartMachine.loadAverage());
        json.put("jvmFlags", flags);
        json.put("aotCache", aot);

        if (train && (forceTraining || stale(app.resolve("app.aot"), app.resolve("quarkus-run.jar"), jvmOptions,
                Path.of("src/main/docker/aot-training.sh")))) {
            long t0 = System.nanoTime();
            Process training = new ProcessBuilder("bash", "src/main/docker/aot-training.sh", app.toString(),
                    jvmOptions.toString()).inheritIO().start();
            if (training.waitFor() != 0) {
                System.err.println("start-bench: the AOT training run failed");
                return 2;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            line("AOT cache: trained by src/main/docker/aot-training.sh in %.1f s, %d MB", ms / 1000.0,
                    Files.size(app.resolve("app.aot")) / 1024 / 1024);
            json.put("aotTrainingMs", ms);
            json.put("aotCacheMb", Files.size(app.resolve("app.aot")) / 1024 / 1024);
        } else if (aot && Files.isRegularFile(app.resolve("app.aot"))) {
            line("AOT cache: %s, %d MB, newer than the package, the JVM options and the training script: reused "
                    + "(--train trains it again)", app.resolve("app.aot"), Files.size(app.resolve("app.aot")) / 1024 / 1024);
            json.put("aotCacheMb", Files.size(app.resolve("app.aot")) / 1024 / 1024);
        } else if (aot) {
            System.err.println("start-bench: --no-training, but there is no " + app.resolve("app.aot"));
            return 2;
        }

        boolean ok = true;
        try (Db db = Db.create("invoiceiq_start", pgUrl, pgUser, "", false);
                Providers providers = new Providers(Providers.Faults.none(6000, 80), 1, any -> true)) {
            if (keepDb) {
                db.keep();
            }
            List<String> pgbench = pgbench(db);
            StartCgroup cgroup = StartCgroup.create(limitMb * 1024 * 1024);
            List<String> extra = new ArrayList<>();
            if (cgroup == null) {
                // the JVM's own view of a container of that size; the kernel enforces nothing (said in the report)
                extra.add("-XX:MaxRAM=" + limitMb + "m");
            }
            json.put("memoryLimit", cgroup != null ? "cgroup v1 " + cgroup.name() + ", " + limitMb + " MB, no swap"
                    : "none (no writable cgroup): -XX:MaxRAM=" + limitMb + "m and peak RSS checked");
            Map<String, String> env = ServiceEnv.of(db, providers.baseUrl("a"), Population.STAFF_ACTIVE, Map.of());
            List<Launch> results = new ArrayList<>();
            StartProcess running = null;
            try {
                for (int n = 0; n <= launches; n++) {
                    if (cgroup != null) {
                        cgroup.resetPeak();
                    }
                    StartProcess p = new StartProcess(app, jvmOptions, aot, cgroup, extra, env,
                            out.resolve("service-" + n + ".log"));
                    if (n == 0) {
                        Log.info("%s", p.commandLine());
                    }
                    p.start();
                    long ready = p.awaitReady(Duration.ofSeconds(120));
                    if (ready < 0) {
                        Log.info("launch %d: not ready:%n%s", n, Soak.tail(p.log, 40));
                        p.stop();
                        return 2;
                    }
                    long cpu = p.cpuMillis();
                    Thread.sleep(idleSeconds * 1000L);
                    Launch l = new Launch(n, n == 0, ready, cpu, p.statusMb("VmRSS"), p.statusMb("RssAnon"),
                            p.statusMb("RssFile"));
                    results.add(l);
                    Log.info("launch %d%s: ready after %d ms (%d ms CPU), idle RSS %d MB (anonymous %d, files %d), "
                            + "load average %s", n, n == 0 ? " (migrates the empty database)" : "", ready, cpu,
                            l.idleRssMb(), l.idleAnonMb(), l.idleFileMb(), StartMachine.loadAverage());
                    if (n < launches) {
                        p.stop();
                    } else {
                        running = p;
                    }
                }
                Map<String, Object> flow = flow(running, providers, db, cgroup);
                ok = Boolean.TRUE.equals(flow.get("ok"));
                report(results, flow, cgroup, pgbench);
            } finally {
                if (running != null) {
                    running.stop();
                }
                if (cgroup != null) {
                    cgroup.close();
                }
            }
        }
        JSON.writeValue(out.resolve("results.json").toFile(), json);
        Files.writeString(out.resolve("results.md"), report);
        Log.info("results: %s and results.json", out.resolve("results.md"));
        return ok ? 0 : 1;
    }

    // ---- the flow, under the memory limit ------------------------------------------------------------------------

    /**
     * {@code invoices} customers at once: the merchant sends "invoice <number> <amount> <item>" by WhatsApp, the service
     * sends the customer the invoice template through the Graph API stand-in; the customer taps Pay, the service
     * raises an STK push at the Daraja stand-in, which posts the success callback at once; the customer's receipt
     * goes out. Each step waited for, with a deadline.
     */
    private Map<String, Object> flow(StartProcess service, Providers providers, Db db, StartCgroup cgroup)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Map<String, Long> callbackAt = new ConcurrentHashMap<>();
        providers.listener(new Providers.Listener() {
            @Override
            public void accepted(Providers.Send send) {
            }

            @Override
            public void promptRaised(Providers.Push push) {
                long now = System.currentTimeMillis();
                Providers.Charge charge = new Providers.Charge(push, String.format("SB%08d", push.seq), now);
                providers.charges.add(charge);
                providers.plan(push.checkout, List.of(new Providers.Result(now, 0)));
                String body = Bodies.stkCallback(push.merchantRequest, push.checkout, 0, push.amountKes,
                        charge.receipt, push.phone, Instant.ofEpochMilli(now));
                Thread.startVirtualThread(() -> {
                    callbackAt.put(push.phone, System.currentTimeMillis());
                    post(http, service.baseUrl() + "/payments/stk/callback/" + ServiceEnv.STK_TOKEN, body, null);
                });
            }
        });
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> each = new ArrayList<>();
            for (int i = 0; i < invoices; i++) {
                int k = i;
                each.add(executor.submit(() -> oneInvoice(k, service, providers, db, http, callbackAt, durations)));
            }
            for (Future<String> f : each) {
                String failure = f.get(300, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        long flowMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(2000);
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("invoices", invoices);
        flow.put("completed", invoices - failures.size());
        flow.put("failures", failures);
        flow.put("flowMs", flowMs);
        flow.put("alive", service.alive());
        flow.put("rssAfterMb", service.alive() ? service.statusMb("VmRSS") : -1);
        flow.put("peakRssMb", service.alive() ? service.statusMb("VmHWM") : -1);
        if (cgroup != null) {
            flow.put("cgroupPeakMb", cgroup.peakMb());
            flow.put("cgroupLimitHits", cgroup.failcnt());
            flow.put("oomKills", cgroup.oomKills());
        }
        boolean ok = failures.isEmpty() && service.alive()
                && (cgroup != null ? cgroup.oomKills() == 0 : (long) flow.get("peakRssMb") <= limitMb);
        flow.put("ok", ok);
        Log.info("flow: %d of %d invoices paid and receipted in %d ms; %s", invoices - failures.size(), invoices,
                flowMs, failures.isEmpty() ? "no failure" : failures);
        return flow;
    }

    /** One customer's invoice, from the merchant's message to the receipt; null, or what went wrong. */
    private String oneInvoice(int k, StartProcess service, Providers providers, Db db, HttpClient http,
            Map<String, Long> callbackAt, List<Long> durations) throws Exception {
        String customer = "2547" + String.format("%08d", 55_000_000 + k);
        long amount = 100 + k;
        long started = System.currentTimeMillis();
        String command = "invoice " + customer + " " + amount + " Start bench item " + k;
        String wamid = "wamid.start-" + started + "-" + k;
        providers.noteInbound(Population.STAFF_ACTIVE);
        int status = webhook(http, service, Bodies.whatsAppText(ServiceEnv.PHONE_ID, Population.STAFF_ACTIVE, wamid,
                command));
        if (status != 200) {
            return "invoice " + k + ": webhook answered " + status;
        }
        Providers.Send invoice = await(() -> providers.sendsSnapshot().stream()
                .filter(s -> s.to.equals(customer) && s.accepted() && !s.invoiceIds.isEmpty()).findFirst()
                .orElse(null), 60);
        if (invoice == null) {
            return "invoice " + k + ": no invoice message reached the customer within 60 s";
        }
        String id = invoice.invoiceIds.iterator().next();
        providers.noteInbound(customer);
        String tap = invoice.template != null
                ? Bodies.whatsAppTemplateButton(ServiceEnv.PHONE_ID, customer, wamid + "-tap", "pay_" + id,
                        "Pay with M-PESA")
                : Bodies.whatsAppButtonReply(ServiceEnv.PHONE_ID, customer, wamid + "-tap", "pay_" + id,
                        "Pay with M-PESA");
        status = webhook(http, service, tap);
        if (status != 200) {
            return "invoice " + k + ": the Pay tap answered " + status;
        }
        Providers.Push push = await(() -> providers.pushesSnapshot().stream()
                .filter(p -> p.phone.equals(customer)).findFirst().orElse(null), 60);
        if (push == null) {
            return "invoice " + k + " (" + id + "): no STK push within 60 s of the tap";
        }
        Long paid = await(() -> db.count("SELECT count(*) FROM payments WHERE checkout_request_id = ? AND status = "
                + "'SUCCESS'", push.checkout) > 0 ? 1L : null, 60);
        if (paid == null) {
            return "invoice " + k + " (" + id + "): the payment was not recorded within 60 s of the callback";
        }
        Providers.Send receipt = await(() -> {
            Long at = callbackAt.get(customer);
            return at == null ? null : providers.sendsSnapshot().stream()
                    .filter(s -> s.to.equals(customer) && s.accepted() && s.arrivedAt >= at
                            && s.mainText.contains(id)).findFirst().orElse(null);
        }, 60);
        if (receipt == null) {
            return "invoice " + k + " (" + id + "): no receipt reached the customer within 60 s of the payment";
        }
        synchronized (durations) {
            durations.add(System.currentTimeMillis() - started);
        }
        return null;
    }

    private int webhook(HttpClient http, StartProcess service, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(http, service.baseUrl() + "/whatsapp/webhook", body, Bodies.signature(bytes, ServiceEnv.APP_SECRET));
    }

    private static int post(HttpClient http, String url, String body, String signature) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            r.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T await(Check<T> check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        return null;
    }

    // ---- the report -------------------------------------------------------------------------------------------------

    private void report(List<Launch> all, Map<String, Object> flow, StartCgroup cgroup, List<String> pgbench) {
        List<Launch> measured = all.stream().filter(l -> !l.migrates()).toList();
        long[] ready = measured.stream().mapToLong(Launch::readyMs).sorted().toArray();
        long[] rss = measured.stream().mapToLong(Launch::idleRssMb).sorted().toArray();
        long[] cpu = measured.stream().mapToLong(Launch::cpuMsToReady).sorted().toArray();
        long readyMedian = median(ready);
        long rssMedian = median(rss);
        line("memory limit: %s", json.get("memoryLimit"));
        line("launches: %d on the migrated database (a first one migrated the empty database and is listed, not "
                + "counted); idle RSS %d s after ready", measured.size(), idleSeconds);
        line("");
        line("| figure | target | measured (median) | max | met |");
        line("|---|---|---|---|---|");
        line("| ready: launch to /q/health/ready 200 | <= %d ms | %d ms | %d ms | %s |", READY_TARGET_MS, readyMedian,
                ready[ready.length - 1], readyMedian <= READY_TARGET_MS ? "yes" : "no");
        line("| CPU time used until ready | | %d ms | %d ms | |", median(cpu), cpu[cpu.length - 1]);
        line("| idle RSS (VmRSS) | <= %d MB | %d MB | %d MB | %s |", IDLE_RSS_TARGET_MB, rssMedian,
                rss[rss.length - 1], rssMedian <= IDLE_RSS_TARGET_MB ? "yes" : "no");
        line("| whole flow in %d MB | all invoices paid, no OOM kill | %s of %s, %s | | %s |", limitMb,
                flow.get("completed"), flow.get("invoices"),
                cgroup != null ? "OOM kills " + flow.get("oomKills") + ", cgroup peak " + flow.get("cgroupPeakMb")
                        + " MB" : "peak RSS " + flow.get("peakRssMb") + " MB (no cgroup)",
                Boolean.TRUE.equals(flow.get("ok")) ? "yes" : "no");
        line("");
        line("| launch | ready | CPU to ready | idle RSS | anonymous | file-backed |");
        line("|---|---|---|---|---|---|");
        for (Launch l : all) {
            line("| %d%s | %d ms | %d ms | %d MB | %d MB | %d MB |", l.n(), l.migrates() ? " (migrates)" : "",
                    l.readyMs(), l.cpuMsToReady(), l.idleRssMb(), l.idleAnonMb(), l.idleFileMb());
        }
        line("");
        line("after the flow (%s invoices at once, %s ms): RSS %s MB, peak RSS (VmHWM) %s MB%s", flow.get("invoices"),
                flow.get("flowMs"), flow.get("rssAfterMb"), flow.get("peakRssMb"), cgroup != null
                        ? ", cgroup peak " + flow.get("cgroupPeakMb") + " MB (page cache included), limit reached "
                                + flow.get("cgroupLimitHits") + " times, OOM kills " + flow.get("oomKills")
                        : "");
        line("");
        line("pgbench, single-row INSERT, same database, same run (the machine's ceiling):");
        line("");
        for (String p : pgbench) {
            line("%s", p);
        }
        line("");
        line("load average at the end: %s", StartMachine.loadAverage());
        json.put("launches", all);
        json.put("readyMedianMs", readyMedian);
        json.put("readyMaxMs", ready[ready.length - 1]);
        json.put("cpuToReadyMedianMs", median(cpu));
        json.put("idleRssMedianMb", rssMedian);
        json.put("idleRssMaxMb", rss[rss.length - 1]);
        json.put("targets", Map.of("readyMs", READY_TARGET_MS, "idleRssMb", IDLE_RSS_TARGET_MB, "memoryLimitMb",
                limitMb));
        json.put("flow", flow);
        json.put("pgbench", pgbench);
        json.put("loadAverageAtEnd", StartMachine.loadAverage());
    }

    /** Whether {@code target} is missing or older than any of {@code sources}. */
    private static boolean stale(Path target, Path... sources) throws IOException {
        if (!Files.isRegularFile(target)) {
            return true;
        }
        for (Path source : sources) {
            if (Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(target)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static long median(long[] sorted) {
        return sorted[(sorted.length - 1) / 2];
    }

    private List<String> pgbench(Db db) throws IOException, InterruptedException, java.sql.SQLException {
        // a schema of its own: Flyway refuses to migrate a public schema that holds tables it does not know
        db.execute("CREATE SCHEMA pgbench; CREATE TABLE pgbench.single_insert (id bigserial PRIMARY KEY, "
                + "body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())");
        Path script = out.resolve("single-insert.sql");
        Files.writeString(script, "INSERT INTO pgbench.single_insert (body) VALUES (repeat('x', 700));\n");
        List<String> lines = new ArrayList<>();
        Map<String, Object> tps = new LinkedHashMap<>();
        for (int clients : new int[] {1, 32}) {
            List<String> command = List.of("pgbench", "-n", "-h", db.server().getHost(), "-p",
                    Integer.toString(db.server().getPort()), "-U", db.user(), "-c", Integer.toString(clients), "-j",
                    Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(pgbenchSeconds), "-f",
                    script.toString(), db.name());
            Log.info("%s", String.join(" ", command));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("pgbench failed:\n" + output);
            }
            Files.writeString(out.resolve("pgbench-c" + clients + ".txt"), output);
            String t = find(output, "tps = ([0-9.]+)");
            tps.put("c" + clients, t);
            lines.add("- `%s`: **%s TPS**, latency average %s ms".formatted(
                    String.join(" ", command).replace(script.toString(), "single-insert.sql"), t,
                    find(output, "latency average = ([0-9.]+) ms")));
        }
        json.put("pgbenchTps", tps);
        return lines;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? s : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
