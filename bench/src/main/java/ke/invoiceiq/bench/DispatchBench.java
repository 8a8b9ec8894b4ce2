package ke.invoiceiq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dispatch throughput benchmark of issue 18: how fast the outbox empties a backlog of invoices to distinct
 * customers through the WhatsApp stand-in, measured from the stand-in's own arrival timestamps, and whether the
 * sending kept WhatsApp's rules (the number's throughput in any sliding second, one message per person per pair
 * interval, each invoice sent exactly once). docs/benchmarks.md, "The dispatch benchmark".
 *
 * <p>Per scenario: a fresh database; an instance with the dispatcher off ({@code INVOICEIQ_JOBS_DISPATCH_EVERY=off})
 * takes the invoices through {@code POST /invoices} and is stopped, so the backlog is whole before anything is sent;
 * then the measured instance(s) start with the dispatcher at its production settings and send it.
 */
public final class DispatchBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** WhatsApp's pair rate limit: one message to one person per 6 s (docs/whatsapp.md). */
    static final long PAIR_INTERVAL_MS = 6000;
    /**
     * How much earlier than the pair interval a second arrival may be and still count as kept: the service paces by
     * when it sends, the stand-in sees when the request arrives, and the two differ by the request's own jitter.
     */
    static final long GAP_TOLERANCE_MS = 25;

    record Scenario(String name, long latencyMs, int throughput, int n, int instances, double target) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();
    private final String concurrency;
    private final int createConcurrency;
    private final int timeoutSeconds;
    private final int pgbenchSeconds;
    private final boolean smoke;
    private final Path app;
    private final Path out;
    private final String pgUrl;
    private final String pgUser;
    private final String heap;
    /** A Flight Recording of each measured instance (scenario-X/a.jfr), written when it stops. */
    private final boolean jfr;
    private final boolean keepDb;
    private final StringBuilder report = new StringBuilder();
    /** The checkout's commit when the run started. */
    private String commit = "?";

    DispatchBench(Args args) {
        smoke = args.flag("smoke");
        String chosen = args.string("scenarios", "A,B,C");
        int nOverride = args.integer("n", 0);
        long latencyOverride = args.number("graph-latency-ms", -1);
        int throughputOverride = args.integer("throughput", 0);
        concurrency = args.string("concurrency", "");
        createConcurrency = args.integer("create-concurrency", 16);
        timeoutSeconds = args.integer("timeout", 0);
        pgbenchSeconds = args.integer("pgbench-seconds", smoke ? 3 : 10);
        for (String name : chosen.split(",")) {
            Scenario base = switch (name.strip().toUpperCase()) {
                case "A" -> new Scenario("A", 300, 80, smoke ? 40 : 2000, 1, 75);
                case "B" -> new Scenario("B", 300, 80, smoke ? 60 : 2000, 2, 75); // more than one claim (50 rows)
                case "C" -> new Scenario("C", 5, 1000, smoke ? 200 : 10000, 1, 900);
                default -> throw new IllegalArgumentException("unknown scenario " + name + " (A, B or C)");
            };
            int throughput = throughputOverride > 0 ? throughputOverride : base.throughput();
            scenarios.add(new Scenario(base.name(), latencyOverride >= 0 ? latencyOverride : base.latencyMs(),
                    throughput, nOverride > 0 ? nOverride : base.n(), base.instances(),
                    throughputOverride > 0 ? throughput * base.target() / base.throughput() : base.target()));
        }
        app = Path.of(args.string("app", "bootstrap/target/quarkus-app")).toAbsolutePath().normalize();
        out = Path.of(args.string("out", "bench/target/dispatch-bench-" + LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        pgUrl = args.string("pg", Db.LOCAL_ADMIN_URL);
        pgUser = args.string("pg-user", "postgres");
        heap = args.string("heap", "512m");
        jfr = args.flag("jfr");
        keepDb = args.flag("keep-db");
    }

    public static void main(String[] argv) {
        int exit;
        try {
            Args args = new Args(argv);
            DispatchBench bench = new DispatchBench(args);
            args.refuseUnknown();
            exit = bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println("dispatch-bench: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    /** One scenario's numbers. */
    static final class Result {
        Scenario scenario;
        int created;
        double createSeconds;
        int sentWhileCreating;
        long backlog;
        int delivered;
        boolean finished;
        double firstToLast = Double.NaN;
        double steady = Double.NaN;
        double startToFirstSend = Double.NaN;
        double startToLastSend = Double.NaN;
        int maxInAnySecond;
        int maxAcceptedInAnySecond;
        long minGapMs = -1;
        String minGapRecipient = "";
        int gapViolations;
        int duplicates;
        int lost;
        int unfinished;
        Map<String, Integer> outcomes = new TreeMap<>();
        /** Customer messages Graph accepted, by the instance that sent them: how the work was split. */
        Map<String, Integer> byInstance = new TreeMap<>();
        Map<Long, Integer> perSecond = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> examples = new ArrayList<>();

        boolean pass() {
            return failures.isEmpty();
        }

        boolean targetMet() {
            return finished && steady >= scenario.target();
        }
    }

    int run() throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.err.println("dispatch-bench: no packaged service at " + app);
            return 2;
        }
        Files.createDirectories(out);
        String started = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        commit = Ceiling.commit();
        Log.info("dispatch-bench: scenarios %s%s; output %s", scenarios, smoke ? " (smoke)" : "", out);
        String machine = Ceiling.machine();
        List<Ceiling.Pgbench> pgbench = Ceiling.pgbench(pgUrl, pgUser, out, pgbenchSeconds);
        Log.info("pgbench: %s", Ceiling.summary(pgbench));
        List<Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            Result r = scenario(s);
            if (r == null) {
                return 2;
            }
            results.add(r);
        }
        String server;
        try (Db probe = Db.create("invoiceiq_probe", pgUrl, pgUser, "", false)) {
            server = WebhookBench.serverSettings(probe);
        }
        write(started, machine, server, pgbench, results);
        boolean pass = results.stream().allMatch(Result::pass);
        Log.info("dispatch-bench: %s; results %s", pass ? "every invariant held" : "an invariant FAILED",
                out.resolve("results.md"));
        return pass ? 0 : 1;
    }

    private Map<String, String> serviceSettings(Scenario s) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WABA_THROUGHPUT", Integer.toString(s.throughput()));
        if (!concurrency.isBlank()) {
            env.put("INVOICEIQ_DISPATCH_CONCURRENCY", concurrency.strip());
        }
        return env;
    }

    private static String customer(Scenario s, int i) {
        return "2547" + String.format("%08d", 50_000_000 + (s.name().charAt(0) - 'A') * 1_000_000 + i);
    }

    private Result scenario(Scenario s) throws Exception {
        Result r = new Result();
        r.scenario = s;
        Log.info("scenario %s: %d invoices to distinct customers, Graph answering after %d ms, throughput %d/s, "
                + "%d instance(s)", s.name(), s.n(), s.latencyMs(), s.throughput(), s.instances());
        Path dir = out.resolve("scenario-" + s.name());
        try (Db db = Db.create("invoiceiq_dbench", pgUrl, pgUser, "", false);
                Providers providers = new Providers(Providers.Faults.none(PAIR_INTERVAL_MS, s.throughput()), 1,
                        any -> true)) {
            if (keepDb) {
                db.keep();
            }
            providers.graphLatencyMs(s.latencyMs());
            // 1. the backlog, with the dispatcher off
            Map<String, String> creating = new LinkedHashMap<>(serviceSettings(s));
            creating.put("INVOICEIQ_JOBS_DISPATCH_EVERY", "off");
            ServiceInstance creator = new ServiceInstance("create", app, dir,
                    ServiceEnv.of(db, providers.baseUrl("c"), Population.STAFF_ACTIVE, creating),
                    List.of("-Xmx" + heap));
            creator.start();
            try {
                if (!creator.awaitReady(Duration.ofSeconds(180))) {
                    Log.info("the creating instance did not become ready:%n%s",
                            Soak.tail(creator.logs().getLast(), 40));
                    return null;
                }
                Traffic traffic = new Traffic(List.of(creator), ServiceEnv.APP_SECRET, ServiceEnv.SMS_TOKEN,
                        ServiceEnv.STK_TOKEN, ServiceEnv.ADMIN_KEY);
                AtomicInteger created = new AtomicInteger();
                Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
                Semaphore inFlight = new Semaphore(createConcurrency);
                long t0 = System.nanoTime();
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < s.n(); i++) {
                        inFlight.acquire();
                        int k = i;
                        executor.submit(() -> {
                            try {
                                String json = """
                                        {"msisdn":"%s","amount":%d,"description":"Bench %s%05d cleaning"}"""
                                        .formatted(customer(s, k), 100 + k % 4900, s.name(), k);
                                Traffic.Answer a = traffic.rest("/invoices", json, "dbench-" + s.name() + "-" + k, 0);
                                if (a.status() == 201 || a.status() == 200) {
                                    created.incrementAndGet();
                                } else {
                                    refused.computeIfAbsent("HTTP " + a.status(), x -> new AtomicInteger())
                                            .incrementAndGet();
                                }
                            } finally {
                                inFlight.release();
                            }
                        });
                    }
                }
                r.createSeconds = (System.nanoTime() - t0) / 1e9;
                r.created = created.get();
                if (!refused.isEmpty()) {
                    Log.info("scenario %s: creates not answered 201: %s", s.name(), refused);
                }
                r.sentWhileCreating = providers.sendsSnapshot().size();
                r.backlog = db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND purpose = 'INVOICE'");
                Log.info("scenario %s: %d invoices created in %.1f s (%.0f/s); backlog %d invoice messages; %d sends "
                        + "reached Graph while creating", s.name(), r.created, r.createSeconds,
                        r.created / r.createSeconds, r.backlog, r.sentWhileCreating);
            } finally {
                creator.stop();
            }
            // 2. the measured instance(s), dispatcher on at production settings
            List<ServiceInstance> instances = new ArrayList<>();
            for (int i = 0; i < s.instances(); i++) {
                String name = String.valueOf((char) ('a' + i));
                List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
                if (jfr) {
                    // the profile of the hot path: `jfr print --events jdk.ExecutionSample <file>` or JMC
                    jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
                    jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + dir.resolve(name + ".jfr"));
                }
                instances.add(new ServiceInstance(name, app, dir,
                        ServiceEnv.of(db, providers.baseUrl(name), Population.STAFF_ACTIVE, serviceSettings(s)),
                        jvm));
            }
            int sendsBefore = providers.sendsSnapshot().size();
            long start = System.nanoTime();
            try {
                for (ServiceInstance instance : instances) {
                    instance.start();
                }
                for (ServiceInstance instance : instances) {
                    if (!instance.awaitReady(Duration.ofSeconds(180))) {
                        Log.info("instance %s did not become ready:%n%s", instance.name,
                                Soak.tail(instance.logs().getLast(), 40));
                        return null;
                    }
                }
                int timeout = timeoutSeconds > 0 ? timeoutSeconds
                        : (int) Math.max(60, 3.0 * s.n() / s.throughput() + 45);
                long deadline = start + TimeUnit.SECONDS.toNanos(timeout);
                long lastProgress = System.nanoTime();
                while (true) {
                    Set<String> reached = new HashSet<>();
                    for (Providers.Send send : providers.sendsSnapshot()) {
                        if (send.accepted() && !Population.isStaff(send.to)) {
                            reached.add(send.to);
                        }
                    }
                    long open = db.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING') "
                            + "AND purpose = 'INVOICE'");
                    if (reached.size() >= r.created && open == 0) {
                        r.finished = true;
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        Log.info("scenario %s: time-out after %d s: %d of %d delivered, %d invoice messages still "
                                + "open", s.name(), timeout, reached.size(), r.created, open);
                        break;
                    }
                    if (System.nanoTime() - lastProgress > 10_000_000_000L) {
                        lastProgress = System.nanoTime();
                        Log.info("scenario %s: %d of %d delivered after %.0f s", s.name(), reached.size(), r.created,
                                (System.nanoTime() - start) / 1e9);
                    }
                    Thread.sleep(200);
                }
                // a moment for a late duplicate to show
                Thread.sleep(2000);
            } finally {
                for (ServiceInstance instance : instances) {
                    instance.stop();
                }
            }
            List<Providers.Send> sends = providers.sendsSnapshot();
            analyse(r, s, db, sends.subList(sendsBefore, sends.size()), start);
            Log.info("scenario %s: %s", s.name(), line(r));
            for (String f : r.failures) {
                Log.info("scenario %s: [FAIL] %s", s.name(), f);
            }
        }
        return r;
    }

    private void analyse(Result r, Scenario s, Db db, List<Providers.Send> sends, long start) throws Exception {
        List<Providers.Send> graph = sends.stream().filter(x -> x.channel.equals("WHATSAPP")).toList();
        for (Providers.Send send : graph) {
            r.outcomes.merge(String.valueOf(send.outcome), 1, Integer::sum);
        }
        // throughput: every request that reached Graph counts, accepted or not, as Meta counts it
        long[] arrivals = graph.stream().mapToLong(x -> x.arrivedNanos).sorted().toArray();
        r.maxInAnySecond = Ceiling.maxInAnySecond(arrivals);
        // every Graph request's arrival (µs from the first) and outcome, for a look at how the sends were spread
        StringBuilder csv = new StringBuilder("arrived_us,outcome\n");
        graph.stream().sorted(java.util.Comparator.comparingLong(x -> x.arrivedNanos)).forEach(x -> csv
                .append((x.arrivedNanos - arrivals[0]) / 1_000).append(',').append(x.outcome).append('\n'));
        java.nio.file.Files.writeString(out.resolve("scenario-" + s.name()).resolve("graph-arrivals.csv"), csv);
        r.maxAcceptedInAnySecond = Ceiling.maxInAnySecond(
                graph.stream().filter(Providers.Send::accepted).mapToLong(x -> x.arrivedNanos).sorted().toArray());
        if (r.maxInAnySecond > s.throughput()) {
            r.failures.add(String.format("over the number's throughput: %d requests reached Graph within one second, "
                    + "configured %d/s", r.maxInAnySecond, s.throughput()));
        }
        // pacing: the gap between two requests to one person, whoever it is (the merchant's staff number too)
        Map<String, List<Long>> byRecipient = new HashMap<>();
        for (Providers.Send send : graph) {
            byRecipient.computeIfAbsent(send.to, k -> new ArrayList<>()).add(send.arrivedNanos);
        }
        long minGap = Long.MAX_VALUE;
        for (var e : byRecipient.entrySet()) {
            List<Long> times = e.getValue();
            times.sort(null);
            for (int i = 1; i < times.size(); i++) {
                long gap = (times.get(i) - times.get(i - 1)) / 1_000_000;
                if (gap < minGap) {
                    minGap = gap;
                    r.minGapRecipient = Population.isStaff(e.getKey()) ? "the merchant's staff number" : "a customer";
                }
                if (gap < PAIR_INTERVAL_MS - GAP_TOLERANCE_MS) {
                    r.gapViolations++;
                }
            }
        }
        r.minGapMs = minGap == Long.MAX_VALUE ? -1 : minGap;
        if (r.gapViolations > 0) {
            r.failures.add(String.format("pair pacing: %d times two requests reached one person less than %d ms "
                    + "apart (smallest %d ms, %s)", r.gapViolations, PAIR_INTERVAL_MS, r.minGapMs, r.minGapRecipient));
        }
        // each invoice to its customer exactly once
        Map<String, Integer> acceptedPerCustomer = new HashMap<>();
        List<Long> customerTimes = new ArrayList<>();
        for (Providers.Send send : graph) {
            if (send.accepted() && !Population.isStaff(send.to)) {
                int n = acceptedPerCustomer.merge(send.to, 1, Integer::sum);
                if (n == 1) {
                    customerTimes.add(send.arrivedNanos);
                }
                r.byInstance.merge(send.instance, 1, Integer::sum);
            }
        }
        r.delivered = acceptedPerCustomer.size();
        for (var e : acceptedPerCustomer.entrySet()) {
            if (e.getValue() > 1) {
                r.duplicates += e.getValue() - 1;
                if (r.examples.size() < 8) {
                    r.examples.add("duplicate: a customer was accepted " + e.getValue() + " messages");
                }
            }
        }
        if (r.duplicates > 0) {
            r.failures.add(r.duplicates + " invoice messages sent again to a customer who had been sent one");
        }
        Set<String> open = new HashSet<>();
        for (Map<String, Object> row : db.rows("SELECT DISTINCT recipient_msisdn FROM outbox WHERE purpose = "
                + "'INVOICE' AND status IN ('PENDING', 'SENDING')")) {
            open.add(row.get("recipient_msisdn").toString());
        }
        Set<String> invoiced = new HashSet<>();
        for (Map<String, Object> row : db.rows("SELECT msisdn FROM invoices")) {
            invoiced.add(row.get("msisdn").toString());
        }
        for (String c : invoiced) {
            if (!acceptedPerCustomer.containsKey(c)) {
                if (open.contains(c)) {
                    r.unfinished++;
                } else {
                    r.lost++;
                }
            }
        }
        if (r.lost > 0) {
            r.failures.add(r.lost + " invoices never reached their customer and are no longer being sent");
        }
        // rates, from the stand-in's arrival times of the first accepted message to each customer
        long[] t = customerTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        if (t.length >= 2) {
            r.firstToLast = (t.length - 1) / ((t[t.length - 1] - t[0]) / 1e9);
            int from = (int) Math.floor(0.05 * t.length);
            int to = (int) Math.ceil(0.95 * t.length) - 1;
            if (to > from) {
                r.steady = (to - from) / ((t[to] - t[from]) / 1e9);
            }
        }
        if (t.length > 0) {
            r.startToFirstSend = (t[0] - start) / 1e9;
            r.startToLastSend = (t[t.length - 1] - start) / 1e9;
            for (long x : t) {
                r.perSecond.merge((x - t[0]) / 1_000_000_000L, 1, Integer::sum);
            }
        }
    }

    private static String f(double v, String format) {
        return Double.isNaN(v) ? "–" : String.format(format, v);
    }

    private static String line(Result r) {
        return String.format("%d/%d delivered%s, %s/s first to last, %s/s steady, max %d in any second (configured "
                + "%d), min gap %d ms, duplicates %d, lost %d: %s, target %s", r.delivered, r.created,
                r.finished ? "" : " (time-out, " + r.unfinished + " unfinished)", f(r.firstToLast, "%.1f"),
                f(r.steady, "%.1f"), r.maxInAnySecond, r.scenario.throughput(), r.minGapMs, r.duplicates, r.lost,
                r.pass() ? "PASS" : "FAIL", r.targetMet() ? "met" : "not met");
    }

    private void write(String started, String machine, String server, List<Ceiling.Pgbench> pgbench,
            List<Result> results) throws Exception {
        line("# Dispatch throughput benchmark, %s%s", started, smoke ? " (smoke)" : "");
        line("");
        line("commit %s; machine: %s", commit, machine);
        line("PostgreSQL: %s", server);
        line("service: packaged jar (prod profile, -Xmx%s), dispatcher at production settings; WABA_THROUGHPUT per "
                + "scenario%s", heap, concurrency.isBlank() ? "; INVOICEIQ_DISPATCH_CONCURRENCY not set (the "
                        + "service's default)" : "; INVOICEIQ_DISPATCH_CONCURRENCY=" + concurrency);
        line("machine's ceiling (pgbench, `%s`, same run): %s", Ceiling.INSERT, Ceiling.summary(pgbench));
        line("");
        line("| scenario | Graph latency | throughput | instances | invoices | created (/s) | delivered | msgs/s first"
                + "→last | msgs/s steady (5–95 %) | target | max in any 1 s | min gap to one person | 130429 / "
                + "131056 | duplicates | lost | invariants |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            Scenario s = r.scenario;
            line("| %s | %d ms | %d/s | %d | %d | %d in %.0f s (%.0f) | %d%s | %s | %s | ≥ %.0f: %s | %d | %s | %d / %d "
                    + "| %d | %d | %s |", s.name(), s.latencyMs(), s.throughput(), s.instances(), s.n(), r.created,
                    r.createSeconds, r.created / r.createSeconds, r.delivered,
                    r.finished ? "" : " (time-out: " + r.unfinished + " still open)", f(r.firstToLast, "%.1f"),
                    f(r.steady, "%.1f"), s.target(), r.targetMet() ? "met" : "**not met**", r.maxInAnySecond,
                    r.minGapMs < 0 ? "–" : r.minGapMs + " ms", r.outcomes.getOrDefault("THROUGHPUT", 0),
                    r.outcomes.getOrDefault("PACED", 0), r.duplicates, r.lost,
                    r.pass() ? "PASS" : "**FAIL**");
        }
        line("");
        for (Result r : results) {
            line("- %s: first customer message %s s after the instance(s) were started, last %s s; %d sends reached "
                    + "Graph while the backlog was made (should be 0); Graph answers %s; customer messages by "
                    + "instance %s", r.scenario.name(), f(r.startToFirstSend, "%.1f"), f(r.startToLastSend, "%.1f"),
                    r.sentWhileCreating, r.outcomes, r.byInstance);
            for (String failure : r.failures) {
                line("  - **FAIL** %s", failure);
            }
            for (String example : r.examples) {
                line("  - %s", example);
            }
        }
        Files.writeString(out.resolve("results.md"), report);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "dispatch");
        json.put("started", started);
        json.put("smoke", smoke);
        json.put("commit", commit);
        json.put("machine", Ceiling.machineJson());
        json.put("postgresql", server);
        json.put("pgbench_single_insert", pgbench.stream().map(Ceiling.Pgbench::json).toList());
        json.put("concurrency_env", concurrency.isBlank() ? null : concurrency);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario.name());
            m.put("graph_latency_ms", r.scenario.latencyMs());
            m.put("throughput_configured", r.scenario.throughput());
            m.put("instances", r.scenario.instances());
            m.put("invoices", r.scenario.n());
            m.put("created", r.created);
            m.put("create_seconds", r.createSeconds);
            m.put("sent_while_creating", r.sentWhileCreating);
            m.put("backlog_invoice_messages", r.backlog);
            m.put("delivered", r.delivered);
            m.put("finished", r.finished);
            m.put("unfinished", r.unfinished);
            m.put("rate_first_to_last", nan(r.firstToLast));
            m.put("rate_steady_5_95", nan(r.steady));
            m.put("target_rate", r.scenario.target());
            m.put("target_met", r.targetMet());
            m.put("start_to_first_send_s", nan(r.startToFirstSend));
            m.put("start_to_last_send_s", nan(r.startToLastSend));
            m.put("max_requests_in_any_second", r.maxInAnySecond);
            m.put("max_accepted_in_any_second", r.maxAcceptedInAnySecond);
            m.put("min_gap_to_one_recipient_ms", r.minGapMs);
            m.put("gap_violations", r.gapViolations);
            m.put("duplicates", r.duplicates);
            m.put("lost", r.lost);
            m.put("graph_outcomes", r.outcomes);
            m.put("customer_messages_by_instance", r.byInstance);
            m.put("customer_messages_per_second", r.perSecond);
            m.put("failures", r.failures);
            m.put("pass", r.pass());
            list.add(m);
        }
        json.put("scenarios", list);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(),
                json);
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
