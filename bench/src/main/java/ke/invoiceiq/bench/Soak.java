package ke.invoiceiq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak test of issue 15: two instances of the packaged service (prod profile) on one throw-away PostgreSQL
 * database, the providers played by {@link Providers} with production limits and faults, a workload of merchant
 * commands, REST calls and customers paying, one instance killed with SIGKILL mid-run and restarted; then, once
 * everything is quiet, the invariants of {@link Invariants}, checked with SQL and the providers' request logs.
 * Exit status 0 when every invariant holds, 1 when one fails, 2 when the run itself could not be made.
 *
 * <p>docs/benchmarks.md: how to run it (bench/soak.sh), the options, and what each invariant means.
 */
public final class Soak implements Providers.Listener {

    static final String PHONE_ID = ServiceEnv.PHONE_ID;
    static final String APP_SECRET = ServiceEnv.APP_SECRET;
    static final String STK_TOKEN = ServiceEnv.STK_TOKEN;
    static final String SMS_TOKEN = ServiceEnv.SMS_TOKEN;
    static final String ADMIN_KEY = ServiceEnv.ADMIN_KEY;
    static final String[] ITEMS = {"Cleaning", "Plumbing repairs", "Delivery", "Catering", "Tailoring", "Car wash",
        "Consulting", "Printing"};

    // ---- settings ----------------------------------------------------------------------------------------------
    final long seed;
    final int durationSeconds;
    final double rate;
    final int drainTimeoutSeconds;
    final int killAtSeconds;
    final int restartAfterSeconds;
    final int outageAtSeconds;
    final int outageSeconds;
    final Path app;
    final Path out;
    final String pgUrl;
    final String pgUser;
    final String pgPassword;
    final boolean keepDb;
    final String heap;
    final Map<String, String> serviceOverrides = new LinkedHashMap<>();
    /** The number's throughput: the stand-in refuses more (130429), and the service is told it when given. */
    private final int throughput;
    final double graph5xx;
    final double graphTimeout;
    final double push5xx;
    final double pushTimeout;
    final double sms5xx;
    final double smsTimeout;
    final int lateMinSeconds;
    final int lateMaxSeconds;
    /** Customers who get several invoices: 10 % of them, spread so that none gets more than WhatsApp's pair rate. */
    final int regulars;

    // ---- run state ---------------------------------------------------------------------------------------------
    final Population population;
    Providers providers;
    Traffic traffic;
    Db db;
    final List<ServiceInstance> instances = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicInteger pending = new AtomicInteger();
    volatile long loadStart;
    volatile long loadEnd;
    volatile long killedAt = -1;
    volatile long restartedAt = -1;
    volatile String killedPrefix = "";
    volatile long quiescentAt = -1;
    volatile String notQuiet = "";
    final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    final List<Inbound> inbound = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> invoicesSeen = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> promptsPerPhone = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invoicesPerCustomer = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /**
     * Daraja callbacks hold it while they are posted; the SIGKILL takes it, so no callback is cut off mid-request
     * by the kill. Daraja never retries a callback: losing one is a fault of its own (a share of the paid prompts
     * get no callback at all), not a side effect of when the kill happens to fall.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock killLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    final AtomicLong callbacksPosted = new AtomicLong();
    final AtomicLong statusesPosted = new AtomicLong();
    final AtomicLong reportsPosted = new AtomicLong();

    /** One invoice the workload asked for: a merchant's WhatsApp command or a REST create. */
    static final class Command {
        final int n;
        final String via;
        final String description;
        final String customer;
        final long amountKes;
        final String id;
        volatile boolean acknowledged;
        volatile String answer = "";

        Command(int n, String via, String description, String customer, long amountKes, String id) {
            this.n = n;
            this.via = via;
            this.description = description;
            this.customer = customer;
            this.amountKes = amountKes;
            this.id = id;
        }
    }

    /** One message a person sent the service (WhatsApp or SMS), under the provider's message id. */
    static final class Inbound {
        final String provider;
        final String id;
        final String from;
        final String what;
        volatile boolean acknowledged;

        Inbound(String provider, String id, String from, String what) {
            this.provider = provider;
            this.id = id;
            this.from = from;
            this.what = what;
        }
    }

    Soak(Args args) {
        seed = args.number("seed", 15);
        durationSeconds = args.integer("duration", 75);
        rate = args.decimal("rate", 3.0);
        drainTimeoutSeconds = args.integer("drain-timeout", 150);
        killAtSeconds = args.integer("kill-at", (int) Math.round(durationSeconds * 0.45));
        restartAfterSeconds = args.integer("restart-after", 5);
        outageAtSeconds = args.integer("outage-at", (int) Math.round(durationSeconds * 0.2));
        outageSeconds = args.integer("outage", Math.min(120, (int) Math.round(durationSeconds * 0.3)));
        app = Path.of(args.string("app", "bootstrap/target/quarkus-app")).toAbsolutePath().normalize();
        out = Path.of(args.string("out", "bench/target/soak-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        pgUrl = args.string("pg", Db.LOCAL_ADMIN_URL);
        pgUser = args.string("pg-user", "postgres");
        pgPassword = args.string("pg-password", "");
        keepDb = args.flag("keep-db");
        heap = args.string("heap", "512m");
        throughput = args.integer("throughput", 80);
        if (args.has("throughput")) {
            serviceOverrides.put("WABA_THROUGHPUT", Integer.toString(throughput));
        }
        graph5xx = args.decimal("graph-5xx", 0.03);
        graphTimeout = args.decimal("graph-timeout", 0.01);
        push5xx = args.decimal("push-5xx", 0.04);
        pushTimeout = args.decimal("push-timeout", 0.03);
        sms5xx = args.decimal("sms-5xx", 0.02);
        smsTimeout = args.decimal("sms-timeout", 0.01);
        lateMinSeconds = args.integer("late-min", 20);
        lateMaxSeconds = args.integer("late-max", Math.max(45, Math.min(240, durationSeconds / 2)));
        // Shorter job intervals and payment timings are allowed (never "off"): the short soak uses them to settle
        // unanswered prompts within its drain time. Unset: the production defaults.
        for (String[] option : new String[][] {
            {"reconcile-every", "INVOICEIQ_JOBS_RECONCILE_EVERY"},
            {"dispatch-every", "INVOICEIQ_JOBS_DISPATCH_EVERY"},
            {"query-after", "INVOICEIQ_PAYMENT_QUERY_AFTER"},
            {"expire-after", "INVOICEIQ_PAYMENT_EXPIRE_AFTER"},
            {"sweep-every", "WABA_WEBHOOK_SWEEP_EVERY"}}) {
            String value = args.string(option[0], "");
            if (!value.isBlank()) {
                if (value.strip().equalsIgnoreCase("off")) {
                    throw new IllegalArgumentException("--" + option[0] + " off: the soak never switches a job off");
                }
                serviceOverrides.put(option[1], value.strip());
            }
        }
        regulars = Math.max(12, (int) Math.ceil(rate * 8));
        population = new Population(seed);
    }

    public static void main(String[] argv) {
        int exit;
        try {
            Args args = new Args(argv);
            Soak soak = new Soak(args);
            args.refuseUnknown();
            exit = soak.run();
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    int run() throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            System.err.println("soak: no packaged service at " + app + " (build it: ./mvnw -B -ntp -DskipTests package"
                    + " -pl bootstrap -am)");
            return 2;
        }
        long started = System.currentTimeMillis();
        Files.createDirectories(out);
        Log.info("machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(),
                WebhookBench.loadAverage());
        Log.info("soak: seed %d, %d s of load at %.1f invoices/s, SIGKILL of instance b at %d s (restart %d s later),"
                + " Graph outage %d s from %d s, drain timeout %d s; service settings %s; output %s", seed,
                durationSeconds, rate, killAtSeconds, restartAfterSeconds, outageSeconds, outageAtSeconds,
                drainTimeoutSeconds, serviceOverrides.isEmpty() ? "production defaults" : serviceOverrides, out);
        db = Db.create("invoiceiq_soak", pgUrl, pgUser, pgPassword, true);
        int exit = 2;
        try {
            providers = new Providers(faults(0, 0), seed, msisdn -> population.of(msisdn).whatsApp()
                    != Population.WhatsApp.NOT_ON_WHATSAPP);
            instances.add(new ServiceInstance("a", app, out, env("a"), jvm()));
            instances.add(new ServiceInstance("b", app, out, env("b"), jvm()));
            for (ServiceInstance instance : instances) {
                instance.start();
            }
            for (ServiceInstance instance : instances) {
                if (!instance.awaitReady(Duration.ofSeconds(180))) {
                    Log.info("instance %s did not become ready; the end of its log:%n%s", instance.name,
                            tail(instance.logs().getLast(), 40));
                    return 2;
                }
            }
            Log.info("both instances ready");
            traffic = new Traffic(instances, APP_SECRET, SMS_TOKEN, STK_TOKEN, ADMIN_KEY);
            providers.listener(this);
            loadStart = System.currentTimeMillis();
            loadEnd = loadStart + durationSeconds * 1000L;
            providers.faults(faults(loadStart + outageAtSeconds * 1000L,
                    loadStart + (outageAtSeconds + outageSeconds) * 1000L));
            Thread killer = Thread.ofPlatform().name("soak-kill").start(this::killAndRestart);
            Thread progress = Thread.ofPlatform().daemon().name("soak-progress").start(this::progress);
            generate();
            Log.info("load over: %d invoices asked for, %d inbound messages sent", commands.size(), inbound.size());
            killer.join();
            drain();
            progress.interrupt();
            Invariants invariants = new Invariants(this);
            exit = invariants.check() ? 0 : 1;
            Files.writeString(out.resolve("report.txt"), invariants.report());
            Log.info("report: %s; service logs: %s; %d s in all", out.resolve("report.txt"), out,
                    (System.currentTimeMillis() - started) / 1000);
            return exit;
        } finally {
            timer.shutdownNow();
            for (ServiceInstance instance : instances) {
                instance.stop();
            }
            if (providers != null) {
                providers.close();
            }
            // kept for a look when an invariant failed (not in CI, where nobody looks), or on request
            if (keepDb || (exit != 0 && System.getenv("CI") == null)) {
                db.keep();
            }
            db.close();
        }
    }

    Providers.Faults faults(long outageFrom, long outageUntil) {
        return new Providers.Faults(6000, throughput, graph5xx, graphTimeout, outageFrom, outageUntil, 0.1, push5xx, 0.5,
                pushTimeout, sms5xx, smsTimeout);
    }

    private List<String> jvm() {
        return List.of("-Xmx" + heap);
    }

    private Map<String, String> env(String prefix) {
        return ServiceEnv.of(db, providers.baseUrl(prefix), Population.STAFF_ACTIVE + "," + Population.STAFF_SILENT,
                serviceOverrides);
    }

    // ---- scheduling ----------------------------------------------------------------------------------------

    /** Runs {@code action} after {@code delayMs} on a virtual thread; counted in {@link #pending} until done. */
    void later(long delayMs, Runnable action) {
        pending.incrementAndGet();
        try {
            timer.schedule(() -> work.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    Log.info("harness action failed: %s", e);
                } finally {
                    pending.decrementAndGet();
                }
            }), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    private SplittableRandom keyed(String key) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
    }

    String nextId(String prefix) {
        return prefix + seed + "-" + ids.incrementAndGet();
    }

    // ---- the workload --------------------------------------------------------------------------------------

    private void generate() {
        for (int n = 0; ; n++) {
            long at = loadStart + Math.round(n * 1000.0 / rate);
            if (at >= loadEnd) {
                return;
            }
            sleepUntil(at);
            int job = n;
            later(0, () -> job(job));
        }
    }

    private void job(int n) {
        SplittableRandom r = new SplittableRandom(seed * 31 + n * 0x9E3779B97F4A7C15L);
        double kind = r.nextDouble();
        if (kind < 0.03) {
            String who = r.nextBoolean() ? Population.regular(r.nextInt(regulars)) : Population.fresh(100_000 + n);
            String wamid = nextId("wamid.soak-hi-");
            sendWhatsApp(who, wamid, Bodies.whatsAppText(PHONE_ID, who, wamid, r.nextBoolean() ? "hi" : "Hello?"),
                    "text");
            return;
        }
        String customer = r.nextDouble() < 0.1 ? Population.regular(r.nextInt(regulars)) : Population.fresh(n);
        long amount = 50 + r.nextInt(4951);
        String description = String.format("Soak %s%05d %s", kind < 0.25 ? "r" : "c", n, ITEMS[r.nextInt(ITEMS.length)]);
        if (kind < 0.25) {
            String key = "soak-" + seed + "-create-" + n;
            Command command = new Command(n, "rest", description, customer, amount, key);
            commands.add(command);
            String json = """
                    {"msisdn":"%s","amount":%d,"description":"%s"}""".formatted(customer, amount, description);
            if (r.nextDouble() < 0.25) {
                int first = traffic.pick(-1);
                later(r.nextInt(1500), () -> traffic.rest("/invoices", json, key, traffic.other(first)));
            }
            Traffic.Answer answer = traffic.rest("/invoices", json, key, -1);
            command.answer = Integer.toString(answer.status());
            command.acknowledged = answer.status() == 201 || answer.status() == 200;
            return;
        }
        String wamid = "wamid.soak-cmd-" + seed + "-" + n;
        Command command = new Command(n, "whatsapp", description, customer, amount, wamid);
        commands.add(command);
        String typed = switch (r.nextInt(3)) {
            case 0 -> "0" + customer.substring(3);
            case 1 -> "+254 " + customer.substring(3, 6) + " " + customer.substring(6, 9) + " " + customer.substring(9);
            default -> customer;
        };
        String body = Bodies.whatsAppText(PHONE_ID, Population.STAFF_ACTIVE, wamid,
                "invoice " + typed + " " + amount + " " + description);
        if (r.nextDouble() < 0.10) {
            // Meta delivers the same webhook again (same wamid), to whichever instance
            later(r.nextInt(3000), () -> traffic.deliverWebhook(body, -1));
        }
        command.acknowledged = sendWhatsApp(Population.STAFF_ACTIVE, wamid, body, "command");
    }

    private boolean sendWhatsApp(String from, String wamid, String body, String what) {
        providers.noteInbound(from);
        Inbound message = new Inbound("whatsapp", wamid, from, what);
        inbound.add(message);
        message.acknowledged = traffic.deliverWebhook(body, -1);
        return message.acknowledged;
    }

    private void sendSms(String from, String text, String what) {
        String id = nextId("ATin_soak");
        Inbound message = new Inbound("africastalking", id, from, what);
        inbound.add(message);
        String form = "date=" + enc(Instant.now().toString()) + "&from=%2B" + from + "&id=" + enc(id)
                + "&linkId=soak&text=" + enc(text) + "&to=40404&networkCode=63902";
        message.acknowledged = traffic.deliverSms("inbound", form);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- what people and providers do when a message reaches them ---------------------------------------------

    @Override
    public void accepted(Providers.Send send) {
        Population.Traits traits = population.of(send.to);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (send.channel.equals("WHATSAPP")) {
            boolean fails = traits.whatsApp() == Population.WhatsApp.STATUS_FAILS;
            long delay = fails && r.nextBoolean() ? 0 : 1000 + r.nextInt(2000);
            later(delay, () -> {
                statusesPosted.incrementAndGet();
                traffic.deliverWebhook(Bodies.whatsAppStatus(PHONE_ID, send.providerId,
                        fails ? "failed" : "delivered", send.to, fails ? 131026 : null), -1);
            });
            if (fails) {
                return;
            }
        } else {
            later(1000 + r.nextInt(3000), () -> {
                reportsPosted.incrementAndGet();
                traffic.deliverSms("status", "id=" + enc(send.providerId) + "&status="
                        + (traits.smsFails() ? "Failed&failureReason=UserDoesNotExist" : "Success")
                        + "&phoneNumber=%2B" + send.to + "&networkCode=63902&retryCount=0");
            });
            if (traits.smsFails()) {
                return;
            }
        }
        react(send);
    }

    /** A customer who got an invoice pays it (most do); one told a payment failed tries again after the cooldown. */
    private void react(Providers.Send send) {
        if (Population.isStaff(send.to)) {
            return;
        }
        long now = System.currentTimeMillis();
        for (String id : send.invoiceIds) {
            boolean invoiceMessage = send.template != null || send.mainText.contains("— Invoice #" + id)
                    || send.mainText.contains("Invoice " + id + ":");
            if (invoiceMessage && invoicesSeen.add(id)) {
                int nth = invoicesPerCustomer.computeIfAbsent(send.to, k -> new AtomicInteger()).incrementAndGet();
                SplittableRandom r = keyed(send.to + "/invoice/" + nth);
                if (now < loadEnd && r.nextDouble() < 0.85) {
                    later(1000 + r.nextInt(3000), () -> pay(send.to, id, send.channel, send.template != null, r));
                }
            } else if (send.mainText.contains("did not go through") && now + 125_000 < loadEnd
                    && ThreadLocalRandom.current().nextBoolean()) {
                SplittableRandom r = keyed(send.to + "/retry/" + id);
                later(125_000, () -> pay(send.to, id, send.channel, false, r));
            }
        }
    }

    private void pay(String customer, String id, String channel, boolean template, SplittableRandom r) {
        Population.Traits traits = population.of(customer);
        if (channel.equals("SMS") || !traits.readsWhatsApp()) {
            sendSms(customer, r.nextBoolean() ? "PAY " + id : "pay " + id.toLowerCase(), "pay");
            if (r.nextDouble() < 0.15) {
                later(300 + r.nextInt(1200), () -> sendSms(customer, "PAY " + id, "pay"));
            }
            return;
        }
        double how = r.nextDouble();
        if (how < 0.12) {
            String key = nextId("soak-pay-");
            String json = "{\"invoice_id\":\"" + id + "\"}";
            if (r.nextDouble() < 0.2) {
                later(r.nextInt(1000), () -> traffic.rest("/payments/stk/initiate", json, key, -1));
            }
            traffic.rest("/payments/stk/initiate", json, key, -1);
            return;
        }
        boolean tap = how < 0.72;
        boolean capital = r.nextBoolean();
        java.util.function.Function<String, String> body = wamid -> tap
                ? template ? Bodies.whatsAppTemplateButton(PHONE_ID, customer, wamid, "pay_" + id, "Pay with M-PESA")
                        : Bodies.whatsAppButtonReply(PHONE_ID, customer, wamid, "pay_" + id, "Pay with M-PESA")
                : Bodies.whatsAppText(PHONE_ID, customer, wamid, capital ? "PAY #" + id : "pay " + id);
        String wamid = nextId("wamid.soak-pay-");
        String first = body.apply(wamid);
        if (r.nextDouble() < 0.15) {
            // a second tap, a moment later
            later(300 + r.nextInt(1200), () -> {
                String again = nextId("wamid.soak-pay-");
                sendWhatsApp(customer, again, body.apply(again), "tap");
            });
        }
        if (r.nextDouble() < 0.10) {
            later(r.nextInt(2000), () -> traffic.deliverWebhook(first, -1));
        }
        sendWhatsApp(customer, wamid, first, "tap");
    }

    /** M-PESA: what the customer does with the prompt, and what Daraja then reports (callbacks and queries). */
    @Override
    public void promptRaised(Providers.Push push) {
        int nth = promptsPerPhone.computeIfAbsent(push.phone, k -> new AtomicInteger()).incrementAndGet();
        SplittableRandom r = keyed(push.phone + "/prompt/" + nth);
        long now = System.currentTimeMillis();
        double k = r.nextDouble();
        List<Providers.Result> results = new ArrayList<>();
        if (k < 0.79) {
            long paidAt = now + 2000 + r.nextInt(6000);
            Providers.Charge charge = new Providers.Charge(push, String.format("SK%08d", push.seq), paidAt);
            providers.charges.add(charge);
            results.add(new Providers.Result(paidAt, 0));
            String callback = Bodies.stkCallback(push.merchantRequest, push.checkout, 0, push.amountKes,
                    charge.receipt, push.phone, Instant.ofEpochMilli(paidAt));
            if (k < 0.60) {
                callback(paidAt - now, callback, charge);
            } else if (k < 0.68) {
                int copies = 2 + r.nextInt(2);
                for (int i = 0; i < copies; i++) {
                    callback(paidAt - now + r.nextInt(1500), callback, charge);
                }
            } else if (k < 0.74 || !push.serviceKnowsIds) {
                // late; a push the service could not name always gets its callback, or nobody could ever know
                long late = 1000L * (lateMinSeconds + r.nextInt(Math.max(1, lateMaxSeconds - lateMinSeconds)));
                callback(paidAt - now + late, callback, charge);
            }
            // else: the callback is lost; only the reconciler's STK query can learn of the money
        } else if (k < 0.85) {
            long unreachableAt = now + 2000 + r.nextInt(3000);
            long paidAt = unreachableAt + 5000 + r.nextInt(10_000);
            results.add(new Providers.Result(unreachableAt, 1037));
            results.add(new Providers.Result(paidAt, 0));
            callback(unreachableAt - now, Bodies.stkCallback(push.merchantRequest, push.checkout, 1037, 0, null,
                    push.phone, Instant.ofEpochMilli(unreachableAt)), null);
            Providers.Charge charge = new Providers.Charge(push, String.format("SK%08d", push.seq), paidAt);
            providers.charges.add(charge);
            callback(paidAt - now, Bodies.stkCallback(push.merchantRequest, push.checkout, 0, push.amountKes,
                    charge.receipt, push.phone, Instant.ofEpochMilli(paidAt)), charge);
        } else {
            int code;
            long at;
            if (k < 0.93) {
                code = 1032;
                at = now + 3000 + r.nextInt(7000);
            } else if (k < 0.97) {
                code = 2001;
                at = now + 3000 + r.nextInt(5000);
            } else {
                code = 1037;
                at = now + 45_000 + r.nextInt(15_000);
            }
            results.add(new Providers.Result(at, code));
            callback(at - now, Bodies.stkCallback(push.merchantRequest, push.checkout, code, 0, null, push.phone,
                    Instant.ofEpochMilli(at)), null);
        }
        providers.plan(push.checkout, results);
    }

    private void callback(long delayMs, String body, Providers.Charge charge) {
        later(delayMs, () -> {
            callbacksPosted.incrementAndGet();
            killLock.readLock().lock();
            try {
                if (traffic.stkCallback(body) == 200 && charge != null) {
                    charge.callbackDelivered.set(true);
                }
            } finally {
                killLock.readLock().unlock();
            }
        });
    }

    // ---- the kill, the drain --------------------------------------------------------------------------------

    private void killAndRestart() {
        try {
            sleepUntil(loadStart + killAtSeconds * 1000L);
            ServiceInstance victim = instances.get(1);
            killedPrefix = victim.name;
            killLock.writeLock().lock();
            try {
                killedAt = System.currentTimeMillis();
                victim.sigkill();
            } finally {
                killLock.writeLock().unlock();
            }
            Thread.sleep(2000); // the load balancer's health check notices
            traffic.down(1);
            Thread.sleep(Math.max(0, restartAfterSeconds * 1000L - 2000));
            victim.start();
            if (!victim.awaitReady(Duration.ofSeconds(180))) {
                Log.info("instance %s did not come back; the end of its log:%n%s", victim.name,
                        tail(victim.logs().getLast(), 40));
                return;
            }
            restartedAt = System.currentTimeMillis();
            traffic.up(1);
            Log.info("instance %s back after %d s", victim.name, (restartedAt - killedAt) / 1000);
        } catch (IOException e) {
            Log.info("kill/restart failed: %s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until nothing is in flight anywhere, twice in a row, or the drain timeout passes. */
    private void drain() throws Exception {
        long deadline = loadEnd + drainTimeoutSeconds * 1000L;
        int quiet = 0;
        while (true) {
            Map<String, Object> open = openWork();
            boolean idle = open.values().stream().allMatch(v -> ((Number) v).longValue() == 0);
            quiet = idle ? quiet + 1 : 0;
            if (quiet >= 2) {
                quiescentAt = System.currentTimeMillis();
                Log.info("quiescent %d s after the load ended", (quiescentAt - loadEnd) / 1000);
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                notQuiet = open.toString();
                Log.info("NOT quiescent %d s after the load ended: %s", drainTimeoutSeconds, open);
                return;
            }
            Thread.sleep(3000);
        }
    }

    /** What is still in flight: the harness's own pending actions, and the service's open work in the database. */
    Map<String, Object> openWork() throws java.sql.SQLException {
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("harness actions", pending.get());
        open.putAll(db.rows("""
                SELECT (SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL) AS "webhooks unprocessed",
                       (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')) AS "outbox open",
                       (SELECT count(*) FROM payments WHERE status = 'INITIATED') AS "payments in flight",
                       (SELECT count(*) FROM stk_callbacks WHERE processed_at IS NULL) AS "callbacks unapplied"
                """).getFirst());
        return open;
    }

    private void progress() {
        try {
            long every = durationSeconds > 600 ? 60_000 : 10_000;
            while (true) {
                Thread.sleep(every);
                List<Providers.Send> sends = providers.sendsSnapshot();
                Map<Providers.Outcome, Long> outcomes = new java.util.EnumMap<>(Providers.Outcome.class);
                for (Providers.Send s : sends) {
                    if (s.outcome != null) {
                        outcomes.merge(s.outcome, 1L, Long::sum);
                    }
                }
                long acked = commands.stream().filter(c -> c.acknowledged).count();
                Log.info("t=%ds invoices asked %d (acknowledged %d), provider sends %s, pushes %d, charges %d, open %s",
                        (System.currentTimeMillis() - loadStart) / 1000, commands.size(), acked, outcomes,
                        providers.pushes.size(), providers.charges.size(), openWork());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Log.info("progress: %s", e);
        }
    }

    static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Traffic.sleep(wait);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
