package ke.invoiceiq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The end-to-end latency benchmark of issue 18, on one instance of the packaged service (prod profile, production
 * settings) with the providers played in this JVM. Open loop, every latency counted from the moment its request was
 * due (a generator or service that falls behind is counted, not hidden) to the moment the WhatsApp stand-in received
 * the Graph call it caused (both {@link System#nanoTime()} of this JVM):
 * <ol>
 * <li>a merchant's signed webhook {@code invoice <customer> <amount> <description>} → the Graph call to that
 * customer (each invoice to a customer of its own, the merchant inside WhatsApp's 24-hour window);</li>
 * <li>each customer taps Pay (not measured); once every prompt is out and every customer's pair interval has passed,
 * Safaricom's success callbacks at the same rate → the Graph call to the customer (the receipt) and → the first
 * Graph call to the merchant's staff number naming the invoice (the paid notice, alone or in a digest);</li>
 * <li>a few callbacks one per pair interval, so that the merchant's pacing does not bind.</li>
 * </ol>
 * docs/benchmarks.md, "The end-to-end latency benchmark".
 */
public final class LatencyBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String STAFF = Population.STAFF_ACTIVE;

    private final int rate;
    /**
     * The merchant's staff numbers the commands come from, in turn; the first is the one whose paid notices are
     * measured. One by default, as the figure; more spreads the commands over the service's per-sender lanes
     * (one sender's webhooks are handled one at a time, in order).
     */
    private final List<String> staff = new ArrayList<>();
    private final int durationSeconds;
    private final int warmupSeconds;
    private final long graphLatencyMs;
    private final int throughput;
    private final String concurrency;
    private final int pacedSamples;
    private final int pacedEverySeconds;
    private final int settleSeconds;
    private final int pgbenchSeconds;
    private final boolean smoke;
    private final Path app;
    private final Path out;
    private final String pgUrl;
    private final String pgUser;
    private final String heap;
    private final boolean keepDb;
    private final StringBuilder report = new StringBuilder();
    /** The checkout's commit when the run started. */
    private String commit = "?";
    private final List<String> failures = new ArrayList<>();
    /** Per phase: whether everything was sent before the next phase began. */
    private final Map<String, String> settled = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    LatencyBench(Args args) {
        smoke = args.flag("smoke");
        rate = args.integer("rate", 20);
        int staffNumbers = args.integer("staff", 1);
        for (int i = 0; i < staffNumbers; i++) {
            staff.add(i == 0 ? STAFF : "2547110000" + (11 + i));
        }
        durationSeconds = args.integer("duration", smoke ? 5 : 60);
        warmupSeconds = args.integer("warmup", smoke ? 2 : 10);
        graphLatencyMs = args.number("graph-latency-ms", 0);
        throughput = args.integer("throughput", 80);
        concurrency = args.string("concurrency", "");
        pacedSamples = args.integer("paced-samples", smoke ? 2 : 6);
        pacedEverySeconds = args.integer("paced-every", 7);
        settleSeconds = args.integer("settle", 60);
        pgbenchSeconds = args.integer("pgbench-seconds", smoke ? 3 : 10);
        app = Path.of(args.string("app", "bootstrap/target/quarkus-app")).toAbsolutePath().normalize();
        out = Path.of(args.string("out", "bench/target/latency-bench-" + LocalDateTime.now().format(STAMP)))
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
            LatencyBench bench = new LatencyBench(args);
            args.refuseUnknown();
            exit = bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println("latency-bench: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    /** One figure: latencies in ns, how many were expected and how many were seen. */
    record Figure(String name, String rate, int expected, long[] sorted, double targetMs) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", name);
            m.put("rate", rate);
            m.put("expected", expected);
            m.put("seen", sorted.length);
            m.put("p50_ms", round(Ceiling.ms(sorted, 0.50)));
            m.put("p90_ms", round(Ceiling.ms(sorted, 0.90)));
            m.put("p99_ms", round(Ceiling.ms(sorted, 0.99)));
            m.put("max_ms", round(Ceiling.ms(sorted, 1.0)));
            m.put("target_p99_ms", Double.isNaN(targetMs) ? null : targetMs);
            m.put("target_met", met());
            return m;
        }

        Boolean met() {
            return Double.isNaN(targetMs) || sorted.length == 0 ? null
                    : sorted.length == expected && Ceiling.ms(sorted, 0.99) <= targetMs;
        }
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }

    int run() throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.err.println("latency-bench: no packaged service at " + app);
            return 2;
        }
        Files.createDirectories(out);
        String started = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        commit = Ceiling.commit();
        String machine = Ceiling.machine();
        List<Ceiling.Pgbench> pgbench = Ceiling.pgbench(pgUrl, pgUser, out, pgbenchSeconds);
        Log.info("pgbench: %s", Ceiling.summary(pgbench));
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        String server;
        try (Db db = Db.create("invoiceiq_lbench", pgUrl, pgUser, "", false);
                Providers providers = new Providers(Providers.Faults.none(DispatchBench.PAIR_INTERVAL_MS,
                        throughput), 1, any -> true)) {
            if (keepDb) {
                db.keep();
            }
            server = WebhookBench.serverSettings(db);
            providers.graphLatencyMs(graphLatencyMs);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("WABA_THROUGHPUT", Integer.toString(throughput));
            if (!concurrency.isBlank()) {
                settings.put("INVOICEIQ_DISPATCH_CONCURRENCY", concurrency.strip());
            }
            ServiceInstance service = new ServiceInstance("bench", app, out,
                    ServiceEnv.of(db, providers.baseUrl("a"), String.join(",", staff), settings), List.of("-Xmx" + heap));
            service.start();
            try {
                if (!service.awaitReady(Duration.ofSeconds(180))) {
                    Log.info("the service did not become ready:%n%s", Soak.tail(service.logs().getLast(), 40));
                    return 2;
                }
                measure(service, db, providers, figures, counts);
            } finally {
                service.stop();
            }
            List<Providers.Send> graph = providers.sendsSnapshot().stream()
                    .filter(s -> s.channel.equals("WHATSAPP")).toList();
            int max = Ceiling.maxInAnySecond(graph.stream().mapToLong(s -> s.arrivedNanos).sorted().toArray());
            counts.put("max_graph_requests_in_any_second", max);
            if (max > throughput) {
                failures.add(String.format("over the number's throughput: %d requests within one second, configured "
                        + "%d/s", max, throughput));
            }
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            for (Providers.Send s : graph) {
                outcomes.merge(String.valueOf(s.outcome), 1, Integer::sum);
            }
            counts.put("graph_outcomes", outcomes);
            // the same text to the same customer twice is a message sent twice
            Map<String, Integer> texts = new HashMap<>();
            for (Providers.Send s : graph) {
                if (s.accepted() && !staff.contains(s.to)) {
                    texts.merge(s.to + "\n" + s.mainText, 1, Integer::sum);
                }
            }
            long duplicates = texts.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            counts.put("duplicate_customer_messages", duplicates);
            if (duplicates > 0) {
                failures.add(duplicates + " messages sent to a customer a second time (same text)");
            }
        }
        write(started, machine, server, pgbench, figures, counts);
        for (String f : failures) {
            Log.info("[FAIL] %s", f);
        }
        Log.info("latency-bench: %s; results %s", failures.isEmpty() ? "every invariant held" : "an invariant FAILED",
                out.resolve("results.md"));
        return failures.isEmpty() ? 0 : 1;
    }

    private void measure(ServiceInstance service, Db db, Providers providers, List<Figure> figures,
            Map<String, Object> counts) throws Exception {
        staff.forEach(providers::noteInbound); // the merchant writes to us: inside WhatsApp's 24-hour window
        URI webhook = URI.create(service.baseUrl() + "/whatsapp/webhook");
        URI callback = URI.create(service.baseUrl() + "/payments/stk/callback/" + ServiceEnv.STK_TOKEN);

        // 1. invoices by chat: warm-up (not counted), then the measured load
        Log.info("warm-up: %d s at %d invoices/s", warmupSeconds, rate);
        openLoop(rate, rate * warmupSeconds, i -> command(webhook, 60_000_000 + i, "w", i), null);
        int n = rate * durationSeconds;
        Log.info("invoices: %d s at %d/s: merchant's webhook → the customer's Graph call", durationSeconds, rate);
        long[] due = new long[n];
        AtomicInteger acknowledged = new AtomicInteger();
        openLoop(rate, n, i -> command(webhook, 61_000_000 + i, "m", i), (i, status, dueAt) -> {
            due[i] = dueAt;
            if (status == 200) {
                acknowledged.incrementAndGet();
            }
        });
        Map<String, Providers.Send> invoiceSend = new HashMap<>();
        awaitQuiet("invoices", db, () -> {
            invoiceSend.clear();
            for (Providers.Send s : providers.sendsSnapshot()) {
                if (!staff.contains(s.to) && s.accepted() && !s.invoiceIds.isEmpty()) {
                    invoiceSend.putIfAbsent(s.to, s);
                }
            }
            return invoiceSend.size() >= n + rate * warmupSeconds;
        });
        List<Long> invoiceLatency = new ArrayList<>();
        Map<String, Long> firstCall = firstArrival(providers);
        int lostCommands = 0;
        for (int i = 0; i < n; i++) {
            Long at = firstCall.get(phone(61_000_000 + i));
            if (at == null) {
                lostCommands++;
            } else {
                invoiceLatency.add(at - due[i]);
            }
        }
        counts.put("webhooks_acknowledged", acknowledged.get());
        counts.put("invoices_reaching_their_customer", invoiceLatency.size());
        if (lostCommands > 0) {
            failures.add(lostCommands + " acknowledged invoice commands whose customer never got a Graph call "
                    + "within " + settleSeconds + " s");
        }
        figures.add(new Figure("merchant's `invoice …` webhook → the customer's Graph call", rate + "/s", n,
                DispatchBench.sorted(invoiceLatency), 300));

        // 2. every measured customer taps Pay (not measured); the stand-in's Daraja raises each prompt
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (invoiceSend.containsKey(phone(61_000_000 + i))) {
                customers.add(phone(61_000_000 + i));
            }
        }
        Log.info("taps: %d customers tap Pay at %d/s", customers.size(), Math.max(rate, 40));
        openLoop(Math.max(rate, 40), customers.size(), i -> {
            String customer = customers.get(i);
            providers.noteInbound(customer);
            String id = invoiceSend.get(customer).invoiceIds.iterator().next();
            String wamid = "wamid.lbench-pay-" + i;
            return signed(webhook, Bodies.whatsAppTemplateButton(ServiceEnv.PHONE_ID, customer, wamid, "pay_" + id,
                    "Pay with M-PESA"));
        }, null);
        Map<String, Providers.Push> pushes = new HashMap<>();
        awaitQuiet("taps and prompts", db, () -> {
            pushes.clear();
            for (Providers.Push p : providers.pushesSnapshot()) {
                pushes.putIfAbsent(p.phone, p);
            }
            return customers.stream().allMatch(pushes::containsKey);
        });
        counts.put("prompts", pushes.size());
        // every customer's last message (the invoice, the prompt notice) is a pair interval behind: the receipt waits
        // for nothing but the service
        Thread.sleep(DispatchBench.PAIR_INTERVAL_MS + 1000);

        // 3. success callbacks at the rate; the last few are kept for the paced phase
        List<String> paid = customers.stream().filter(pushes::containsKey).toList();
        int paced = Math.min(pacedSamples, paid.size() / 2);
        List<String> fast = paid.subList(0, paid.size() - paced);
        List<String> slow = paid.subList(paid.size() - paced, paid.size());
        Log.info("callbacks: %d success callbacks at %d/s → receipt and paid notice", fast.size(), rate);
        long[] callbackDue = new long[fast.size()];
        AtomicInteger callbacksOk = new AtomicInteger();
        openLoop(rate, fast.size(), i -> signedless(callback, success(pushes.get(fast.get(i)))),
                (i, status, dueAt) -> {
                    callbackDue[i] = dueAt;
                    if (status == 200) {
                        callbacksOk.incrementAndGet();
                    }
                });
        Map<String, String> idOf = new HashMap<>();
        for (String c : paid) {
            idOf.put(c, invoiceSend.get(c).invoiceIds.iterator().next());
        }
        // the merchant's notices are done when the outbox is quiet
        awaitQuiet("callbacks", db, () -> receipts(providers, fast, callbackDue, idOf, false).size() >= fast.size());
        List<Long> receipt = receipts(providers, fast, callbackDue, idOf, false);
        List<Long> notice = receipts(providers, fast, callbackDue, idOf, true);
        counts.put("callbacks_answered_200", callbacksOk.get());
        if (receipt.size() < callbacksOk.get()) {
            failures.add((callbacksOk.get() - receipt.size()) + " acknowledged success callbacks whose customer got "
                    + "no Graph call within " + settleSeconds + " s");
        }
        long digests = providers.sendsSnapshot().stream().filter(s -> s.to.equals(STAFF) && s.invoiceIds.size() > 1)
                .count();
        long staffSends = providers.sendsSnapshot().stream().filter(s -> s.to.equals(STAFF) && s.accepted()).count();
        counts.put("merchant_messages", staffSends);
        counts.put("merchant_messages_naming_several_invoices", digests);
        figures.add(new Figure("success callback → the customer's receipt Graph call", rate + "/s", fast.size(),
                DispatchBench.sorted(receipt), 300));
        figures.add(new Figure("success callback → the merchant's paid notice (paced: digests)", rate + "/s",
                fast.size(), DispatchBench.sorted(notice), Double.NaN));

        // 4. one callback per pair interval: the merchant's pacing does not bind
        if (!slow.isEmpty()) {
            Thread.sleep(DispatchBench.PAIR_INTERVAL_MS + 1000);
            Log.info("paced callbacks: %d, one every %d s", slow.size(), pacedEverySeconds);
            long[] slowDue = new long[slow.size()];
            for (int i = 0; i < slow.size(); i++) {
                slowDue[i] = System.nanoTime();
                HttpResponse<Void> r = http.send(signedless(callback, success(pushes.get(slow.get(i)))),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    Log.info("paced callback answered %d", r.statusCode());
                }
                Thread.sleep(pacedEverySeconds * 1000L);
            }
            awaitQuiet("paced callbacks", db, () -> receipts(providers, slow, slowDue, idOf, false).size() >= slow.size());
            figures.add(new Figure("success callback → the customer's receipt Graph call", "one per "
                    + pacedEverySeconds + " s", slow.size(), DispatchBench.sorted(receipts(providers, slow, slowDue,
                            idOf, false)), 300));
            figures.add(new Figure("success callback → the merchant's paid notice", "one per " + pacedEverySeconds
                    + " s", slow.size(), DispatchBench.sorted(receipts(providers, slow, slowDue, idOf, true)), 300));
        }
    }

    /** The first Graph call after each callback was due: to the customer, or to the merchant naming the invoice. */
    private static List<Long> receipts(Providers providers, List<String> customers, long[] due,
            Map<String, String> idOf, boolean merchant) {
        // by recipient, once per call: this runs every 200 ms while the service is measured, on the same cores
        Map<String, List<Providers.Send>> byRecipient = new HashMap<>();
        for (Providers.Send s : providers.sendsSnapshot()) {
            if (s.channel.equals("WHATSAPP")) {
                byRecipient.computeIfAbsent(s.to, k -> new ArrayList<>()).add(s);
            }
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            if (due[i] == 0) {
                continue;
            }
            String customer = customers.get(i);
            String id = idOf.get(customer);
            long best = Long.MAX_VALUE;
            for (Providers.Send s : byRecipient.getOrDefault(merchant ? STAFF : customer, List.of())) {
                if (s.arrivedNanos >= due[i] && (!merchant || s.invoiceIds.contains(id))) {
                    best = Math.min(best, s.arrivedNanos - due[i]);
                }
            }
            if (best != Long.MAX_VALUE) {
                latencies.add(best);
            }
        }
        return latencies;
    }

    private static Map<String, Long> firstArrival(Providers providers) {
        Map<String, Long> first = new HashMap<>();
        for (Providers.Send s : providers.sendsSnapshot()) {
            if (s.channel.equals("WHATSAPP")) {
                first.merge(s.to, s.arrivedNanos, Math::min);
            }
        }
        return first;
    }

    /**
     * Waits until {@code done} and nothing is open in the outbox, or the settle time passed; records which in
     * {@code settled} under {@code phase} (a phase that did not settle leaves a backlog that the next one measures).
     */
    private void awaitQuiet(String phase, Db db, java.util.function.BooleanSupplier done) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(settleSeconds);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()
                    && db.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')") == 0) {
                settled.put(phase, String.format("after %.1f s", (System.nanoTime() - start) / 1e9));
                return;
            }
            Thread.sleep(200);
        }
        long open = db.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
        Log.info("%s: not quiet within %d s (%d outbox rows open)", phase, settleSeconds, open);
        settled.put(phase, String.format("NOT within %d s (%d outbox rows open)", settleSeconds, open));
    }

    private static String phone(long n) {
        return "2547" + String.format("%08d", n);
    }

    private HttpRequest command(URI webhook, long customer, String series, int i) {
        String description = String.format("Bench %s%05d cleaning", series, i);
        String body = Bodies.whatsAppText(ServiceEnv.PHONE_ID, staff.get(i % staff.size()),
                "wamid.lbench-" + series + "-" + i,
                "invoice " + phone(customer) + " " + (100 + i % 4900) + " " + description);
        return signed(webhook, body);
    }

    private static HttpRequest signed(URI uri, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Bodies.signature(raw, ServiceEnv.APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
    }

    private static HttpRequest signedless(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String success(Providers.Push push) {
        return Bodies.stkCallback(push.merchantRequest, push.checkout, 0, push.amountKes,
                String.format("LB%08d", push.seq), push.phone, Instant.now());
    }

    interface Answered {
        void answered(int index, int status, long dueNanos);
    }

    /** {@code n} requests at {@code perSecond}, each sent when due whatever the previous ones do; waits for all. */
    private void openLoop(int perSecond, int n, Function<Integer, HttpRequest> request, Answered answered)
            throws Exception {
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(request.apply(i));
        }
        Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(n);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 50_000_000;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            inFlight.add(http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        int status = error == null ? response.statusCode() : -1;
                        if (status != 200) {
                            failed.computeIfAbsent(error == null ? "HTTP " + status : error.toString(),
                                    x -> new AtomicInteger()).incrementAndGet();
                        }
                        if (answered != null) {
                            answered.answered(k, status, due);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        if (!failed.isEmpty()) {
            Log.info("not answered 200: %s", failed);
        }
    }

    private void write(String started, String machine, String server, List<Ceiling.Pgbench> pgbench,
            List<Figure> figures, Map<String, Object> counts) throws Exception {
        line("# End-to-end latency benchmark, %s%s", started, smoke ? " (smoke)" : "");
        line("");
        line("commit %s; machine: %s", commit, machine);
        line("PostgreSQL: %s", server);
        line("service: packaged jar (prod profile, -Xmx%s), one instance, production settings, WABA_THROUGHPUT=%d%s; "
                + "Graph stand-in answering after %d ms; commands from %d staff number(s) of the merchant", heap,
                throughput, concurrency.isBlank() ? "" : ", INVOICEIQ_DISPATCH_CONCURRENCY=" + concurrency,
                graphLatencyMs, staff.size());
        line("load: open loop, %d invoices/s for %d s after a %d s warm-up; latency from the moment each request was "
                + "due to the moment the stand-in received the Graph call", rate, durationSeconds, warmupSeconds);
        line("machine's ceiling (pgbench, `%s`, same run): %s", Ceiling.INSERT, Ceiling.summary(pgbench));
        line("");
        line("| figure | rate | samples | p50 | p90 | p99 | max | target (p99) |");
        line("|---|---|---|---|---|---|---|---|");
        for (Figure f : figures) {
            Boolean met = f.met();
            line("| %s | %s | %d of %d | %s | %s | %s | %s | %s |", f.name(), f.rate(), f.sorted().length,
                    f.expected(), ms(f.sorted(), 0.5), ms(f.sorted(), 0.9), ms(f.sorted(), 0.99), ms(f.sorted(), 1),
                    Double.isNaN(f.targetMs()) ? "none (pair pacing: see the doc)"
                            : String.format("≤ %.0f ms: %s", f.targetMs(), Boolean.TRUE.equals(met) ? "met"
                                    : "**not met**"));
        }
        line("");
        line("counts: %s", counts);
        line("outbox quiet (everything sent) after each phase: %s", settled);
        for (String f : failures) {
            line("- **FAIL** %s", f);
        }
        Files.writeString(out.resolve("results.md"), report);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "latency");
        json.put("started", started);
        json.put("smoke", smoke);
        json.put("commit", commit);
        json.put("machine", Ceiling.machineJson());
        json.put("postgresql", server);
        json.put("pgbench_single_insert", pgbench.stream().map(Ceiling.Pgbench::json).toList());
        json.put("rate", rate);
        json.put("duration_s", durationSeconds);
        json.put("graph_latency_ms", graphLatencyMs);
        json.put("throughput", throughput);
        json.put("staff_numbers", staff.size());
        json.put("concurrency_env", concurrency.isBlank() ? null : concurrency);
        json.put("figures", figures.stream().map(Figure::json).toList());
        json.put("counts", counts);
        json.put("settled", settled);
        json.put("failures", failures);
        json.put("pass", failures.isEmpty());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(),
                json);
    }

    private static String ms(long[] sorted, double q) {
        double v = Ceiling.ms(sorted, q);
        return Double.isNaN(v) ? "–" : String.format("%.0f ms", v);
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
