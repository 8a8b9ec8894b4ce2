package ke.invoiceiq.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three providers, played in the harness's JVM on one port of 127.0.0.1 (JDK HTTP server, a virtual thread per
 * request), with their production limits and the faults of {@link Faults}. Each service instance gets base URLs
 * with a path prefix of its own ({@code /a/…}, {@code /b/…}), so every request is known by the instance that made it.
 *
 * <ul>
 * <li><b>WhatsApp Graph API</b> ({@code POST /{v}/{phone-id}/messages}): Meta's pair rate limit (131056 when one
 * recipient was accepted a message less than {@code pairInterval} ago, whichever instance sent it), the number's
 * throughput (130429), the 24-hour customer-service window (131047 for a free-form message to a number that has not
 * written; templates pass), numbers not on WhatsApp (131026), random 5xx (131000), time-outs (the message IS
 * accepted, the answer comes after the caller's time-out: unknowable to the caller) and an outage window (503).</li>
 * <li><b>Daraja</b>: OAuth; STK push with random 5xx and time-outs (a prompt may or may not have been raised: the
 * service cannot know, the harness does); STK query answered from the simulated customer's plan.</li>
 * <li><b>Africa's Talking</b>: SMS accepted (101) with random 5xx and time-outs; delivery reports are the
 * harness's job ({@link Listener#accepted}).</li>
 * </ul>
 * Every request and its fate is logged in memory for the invariants.
 */
final class Providers implements AutoCloseable {

    static final Pattern INVOICE_ID = Pattern.compile("INV-[0-9A-Z]{6}");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Outcome {
        ACCEPTED, ACCEPTED_TIMEOUT, PACED, THROUGHPUT, WINDOW_CLOSED, NOT_ON_WHATSAPP, SERVER_ERROR, OUTAGE,
        OUTAGE_HANG, BAD_REQUEST;

        boolean accepted() {
            return this == ACCEPTED || this == ACCEPTED_TIMEOUT;
        }
    }

    /** Production limits and injected faults. Times are epoch milliseconds. */
    record Faults(long pairIntervalMs, int throughput, double graph5xx, double graphTimeout, long outageFrom,
            long outageUntil, double outageHang, double push5xx, double push5xxRaisedPrompt, double pushTimeout,
            double sms5xx, double smsTimeout) {

        static Faults none(long pairIntervalMs, int throughput) {
            return new Faults(pairIntervalMs, throughput, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        boolean outage(long now) {
            return now >= outageFrom && now < outageUntil;
        }
    }

    /** One outbound message request, WhatsApp or SMS. */
    static final class Send {
        final long seq;
        final String channel;
        final String instance;
        /** Wall clock (epoch ms) and {@link System#nanoTime()} when the request reached the stand-in. */
        final long arrivedAt;
        final long arrivedNanos;
        volatile long answeredAt;
        final String to;
        final String kind;
        /** What the recipient reads: the text, the interactive body, or the template's parameters. */
        final String mainText;
        final List<String> buttonIds;
        final String template;
        final Set<String> invoiceIds;
        volatile Outcome outcome;
        volatile String providerId;

        Send(long seq, String channel, String instance, long arrivedAt, String to, String kind, String mainText,
                List<String> buttonIds, String template) {
            this.seq = seq;
            this.channel = channel;
            this.instance = instance;
            this.arrivedAt = arrivedAt;
            this.arrivedNanos = System.nanoTime();
            this.to = to;
            this.kind = kind;
            this.mainText = mainText;
            this.buttonIds = buttonIds;
            this.template = template;
            Set<String> ids = new LinkedHashSet<>();
            Matcher m = INVOICE_ID.matcher(mainText + " " + String.join(" ", buttonIds).toUpperCase());
            while (m.find()) {
                ids.add(m.group());
            }
            this.invoiceIds = Collections.unmodifiableSet(ids);
        }

        boolean accepted() {
            Outcome o = outcome;
            return o != null && o.accepted();
        }
    }

    /** One STK push request. */
    static final class Push {
        final long seq;
        final String instance;
        final long arrivedAt;
        volatile long answeredAt;
        final String phone;
        final long amountKes;
        final String invoiceId;
        final String checkout;
        final String merchantRequest;
        volatile Outcome outcome;
        /** Whether the service got the ids in an answer (not after a 5xx or a time-out). */
        volatile boolean serviceKnowsIds;
        volatile boolean promptRaised;

        Push(long seq, String instance, long arrivedAt, String phone, long amountKes, String invoiceId) {
            this.seq = seq;
            this.instance = instance;
            this.arrivedAt = arrivedAt;
            this.phone = phone;
            this.amountKes = amountKes;
            this.invoiceId = invoiceId;
            this.checkout = "ws_CO_soak" + String.format("%010d", seq);
            this.merchantRequest = "29115-soak" + seq + "-1";
        }
    }

    /** A result M-PESA reaches for a prompt at a time (the query answers the latest one due). */
    record Result(long at, int code) {
    }

    /** Money that moved: the customer paid a prompt. */
    static final class Charge {
        final Push push;
        final String receipt;
        final long at;
        final AtomicBoolean callbackDelivered = new AtomicBoolean();

        Charge(Push push, String receipt, long at) {
            this.push = push;
            this.receipt = receipt;
            this.at = at;
        }
    }

    interface Listener {
        /** A message was accepted (WhatsApp or SMS); called after the answer was written (or timed out). */
        void accepted(Send send);

        /** A prompt reached the customer's phone (the push may have failed as far as the service can tell). */
        void promptRaised(Push push);
    }

    private final HttpServer server;
    private volatile Faults faults;
    /** How long Graph takes to answer a send (0: at once); the benchmarks set it, the soak leaves it at 0. */
    private volatile long graphLatencyMs;
    private final Predicate<String> onWhatsApp;
    private final SplittableRandom random;
    private volatile Listener listener;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> lastAccepted = new HashMap<>();
    private final Deque<Long> acceptedInLastSecond = new ArrayDeque<>();
    private final Map<String, Long> lastInbound = new ConcurrentHashMap<>();
    private final Map<String, List<Result>> plans = new ConcurrentHashMap<>();
    final List<Send> sends = Collections.synchronizedList(new ArrayList<>());
    final List<Push> pushes = Collections.synchronizedList(new ArrayList<>());
    final List<Charge> charges = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong queries = new AtomicLong();
    final AtomicLong tokens = new AtomicLong();
    final AtomicLong unknownRequests = new AtomicLong();

    Providers(Faults faults, long seed, Predicate<String> onWhatsApp) throws IOException {
        this.faults = faults;
        this.onWhatsApp = onWhatsApp;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    void faults(Faults faults) {
        this.faults = faults;
    }

    void graphLatencyMs(long millis) {
        this.graphLatencyMs = millis;
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    /** The base URL an instance is given for all three providers. */
    String baseUrl(String instance) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + instance;
    }

    /** A message from this number reached Meta: its 24-hour window is open from now. */
    void noteInbound(String msisdn) {
        lastInbound.put(msisdn, System.currentTimeMillis());
    }

    void plan(String checkout, List<Result> results) {
        plans.put(checkout, List.copyOf(results));
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int second = path.indexOf('/', 1);
            if (second < 0) {
                unknown(exchange);
                return;
            }
            String instance = path.substring(1, second);
            String rest = path.substring(second);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (rest.endsWith("/messages") && rest.startsWith("/v")) {
                graph(exchange, instance, body);
            } else if (rest.equals("/oauth/v1/generate")) {
                tokens.incrementAndGet();
                respond(exchange, 200, "{\"access_token\":\"soak-access-token\",\"expires_in\":\"3599\"}");
            } else if (rest.equals("/mpesa/stkpush/v1/processrequest")) {
                push(exchange, instance, body);
            } else if (rest.equals("/mpesa/stkpushquery/v1/query")) {
                query(exchange, body);
            } else if (rest.equals("/version1/messaging")) {
                sms(exchange, instance, body);
            } else {
                unknown(exchange);
            }
        } catch (RuntimeException | InterruptedException e) {
            Log.info("provider stand-in failed on %s: %s", exchange.getRequestURI().getPath(), e);
        }
    }

    private void unknown(HttpExchange exchange) {
        unknownRequests.incrementAndGet();
        Log.info("provider stand-in: unknown request %s %s", exchange.getRequestMethod(), exchange.getRequestURI());
        respond(exchange, 404, "{}");
    }

    // ---- WhatsApp ------------------------------------------------------------------------------------------

    private void graph(HttpExchange exchange, String instance, byte[] raw) throws InterruptedException {
        long now = System.currentTimeMillis();
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            respond(exchange, 400, graphError(100, "Invalid parameter"));
            return;
        }
        String to = body.path("to").asText("");
        String type = body.path("type").asText("");
        List<String> buttons = new ArrayList<>();
        String text;
        String template = null;
        switch (type) {
            case "text" -> text = body.path("text").path("body").asText("");
            case "interactive" -> {
                text = body.path("interactive").path("body").path("text").asText("");
                for (JsonNode b : body.path("interactive").path("action").path("buttons")) {
                    buttons.add(b.path("reply").path("id").asText(""));
                }
            }
            case "template" -> {
                template = body.path("template").path("name").asText("");
                List<String> parts = new ArrayList<>();
                for (JsonNode component : body.path("template").path("components")) {
                    for (JsonNode p : component.path("parameters")) {
                        if (p.hasNonNull("text")) {
                            parts.add(p.get("text").asText());
                        }
                        if (p.hasNonNull("payload")) {
                            buttons.add(p.get("payload").asText());
                        }
                    }
                }
                text = "template " + template + ": " + String.join(" | ", parts);
            }
            default -> text = "";
        }
        Send send = new Send(sequence.incrementAndGet(), "WHATSAPP", instance, now, to, type, text, buttons, template);
        sends.add(send);
        if (to.isEmpty() || text.isEmpty()) {
            graphAnswer(exchange, send, Outcome.BAD_REQUEST, 400, graphError(100, "Invalid parameter"));
            return;
        }
        if (faults.outage(now)) {
            if (roll() < faults.outageHang()) {
                Thread.sleep(12_000);
                graphAnswer(exchange, send, Outcome.OUTAGE_HANG, 503, "Service Unavailable");
            } else {
                graphAnswer(exchange, send, Outcome.OUTAGE, 503, "Service Unavailable");
            }
            return;
        }
        if (roll() < faults.graph5xx()) {
            graphAnswer(exchange, send, Outcome.SERVER_ERROR, 500, """
                    {"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,\
                    "is_transient":true,"fbtrace_id":"soak"}}""");
            return;
        }
        if (!onWhatsApp.test(to)) {
            graphAnswer(exchange, send, Outcome.NOT_ON_WHATSAPP, 400, graphError(131026, "Message undeliverable"));
            return;
        }
        if (template == null) {
            Long wrote = lastInbound.get(to);
            if (wrote == null || now - wrote > 24L * 3600 * 1000) {
                graphAnswer(exchange, send, Outcome.WINDOW_CLOSED, 400,
                        graphError(131047, "Re-engagement message"));
                return;
            }
        }
        synchronized (this) {
            Long last = lastAccepted.get(to);
            if (last != null && now - last < faults.pairIntervalMs()) {
                send.outcome = Outcome.PACED;
            } else {
                while (!acceptedInLastSecond.isEmpty() && acceptedInLastSecond.peekFirst() <= now - 1000) {
                    acceptedInLastSecond.removeFirst();
                }
                if (acceptedInLastSecond.size() >= faults.throughput()) {
                    send.outcome = Outcome.THROUGHPUT;
                } else {
                    acceptedInLastSecond.addLast(now);
                    lastAccepted.put(to, now);
                    send.providerId = "wamid.soak" + send.seq;
                    send.outcome = random.nextDouble() < faults.graphTimeout() ? Outcome.ACCEPTED_TIMEOUT
                            : Outcome.ACCEPTED;
                }
            }
        }
        switch (send.outcome) {
            case PACED -> graphAnswer(exchange, send, Outcome.PACED, 400,
                    graphError(131056, "(Business Account, Consumer Account) pair rate limit hit"));
            case THROUGHPUT -> graphAnswer(exchange, send, Outcome.THROUGHPUT, 400,
                    graphError(130429, "Rate limit hit"));
            default -> {
                if (send.outcome == Outcome.ACCEPTED_TIMEOUT) {
                    Thread.sleep(12_000); // the Graph sender's @Timeout is 10 s
                }
                graphAnswer(exchange, send, send.outcome, 200, """
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],\
                        "messages":[{"id":"%s"}]}""".formatted(to, to, send.providerId));
            }
        }
    }

    private void finish(HttpExchange exchange, Send send, Outcome outcome, int status, String body) {
        send.outcome = outcome;
        respond(exchange, status, body);
        send.answeredAt = System.currentTimeMillis();
        Listener l = listener;
        if (outcome.accepted() && l != null) {
            l.accepted(send);
        }
    }

    /**
     * Graph's answer after the injected latency ({@link #graphLatency}). The request was counted (throughput, pacing)
     * when it arrived, as Meta counts it; the wait is a sleep on the request's own virtual thread, so a thousand
     * delayed answers at once cost the stand-in nothing and never limit its own throughput.
     */
    private void graphAnswer(HttpExchange exchange, Send send, Outcome outcome, int status, String body)
            throws InterruptedException {
        long latency = graphLatencyMs;
        if (latency > 0) {
            long wait = send.arrivedNanos + latency * 1_000_000 - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        finish(exchange, send, outcome, status, body);
    }

    private static String graphError(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,\
                "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"soak"}}"""
                .formatted(code, message, code, message);
    }

    // ---- Daraja --------------------------------------------------------------------------------------------

    private void push(HttpExchange exchange, String instance, byte[] raw) throws InterruptedException, IOException {
        long now = System.currentTimeMillis();
        JsonNode body = JSON.readTree(raw);
        Push push = new Push(sequence.incrementAndGet(), instance, now, body.path("PhoneNumber").asText(""),
                body.path("Amount").asLong(0), body.path("AccountReference").asText(""));
        pushes.add(push);
        double r = roll();
        if (r < faults.push5xx()) {
            push.outcome = Outcome.SERVER_ERROR;
            push.promptRaised = roll() < faults.push5xxRaisedPrompt();
        } else if (r < faults.push5xx() + faults.pushTimeout()) {
            push.outcome = Outcome.ACCEPTED_TIMEOUT;
            push.promptRaised = true;
        } else {
            push.outcome = Outcome.ACCEPTED;
            push.promptRaised = true;
            push.serviceKnowsIds = true;
        }
        // Daraja raises the prompt while it handles the request: the customer may answer before the push does
        Listener l = listener;
        if (push.promptRaised && l != null) {
            l.promptRaised(push);
        }
        switch (push.outcome) {
            case SERVER_ERROR -> respond(exchange, 500, """
                    {"requestId":"soak-%d","errorCode":"500.003.1001","errorMessage":"Internal Server Error"}"""
                    .formatted(push.seq));
            case ACCEPTED_TIMEOUT -> {
                Thread.sleep(22_000); // the STK push's @Timeout is 20 s
                respond(exchange, 200, pushAccepted(push));
            }
            default -> respond(exchange, 200, pushAccepted(push));
        }
        push.answeredAt = System.currentTimeMillis();
    }

    private static String pushAccepted(Push push) {
        return """
                {"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResponseCode":"0",\
                "ResponseDescription":"Success. Request accepted for processing",\
                "CustomerMessage":"Success. Request accepted for processing"}"""
                .formatted(push.merchantRequest, push.checkout);
    }

    private void query(HttpExchange exchange, byte[] raw) throws IOException {
        queries.incrementAndGet();
        String checkout = JSON.readTree(raw).path("CheckoutRequestID").asText("");
        long now = System.currentTimeMillis();
        Result due = null;
        for (Result result : plans.getOrDefault(checkout, List.of())) {
            if (result.at() <= now) {
                due = result;
            }
        }
        if (due == null) {
            respond(exchange, 500, """
                    {"requestId":"soak-q","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}""");
            return;
        }
        respond(exchange, 200, """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",\
                "MerchantRequestID":"soak","CheckoutRequestID":"%s","ResultCode":"%d","ResultDesc":"%s"}"""
                .formatted(checkout, due.code(), Bodies.resultDesc(due.code())));
    }

    // ---- Africa's Talking ----------------------------------------------------------------------------------

    private void sms(HttpExchange exchange, String instance, byte[] raw) throws InterruptedException {
        long now = System.currentTimeMillis();
        Map<String, String> form = form(new String(raw, StandardCharsets.UTF_8));
        String to = form.getOrDefault("to", "").replace("+", "");
        Send send = new Send(sequence.incrementAndGet(), "SMS", instance, now, to, "sms",
                form.getOrDefault("message", ""), List.of(), null);
        sends.add(send);
        double r = roll();
        if (r < faults.sms5xx()) {
            finish(exchange, send, Outcome.SERVER_ERROR, 500, "Internal Server Error");
            return;
        }
        send.providerId = "ATXid_soak" + send.seq;
        if (r < faults.sms5xx() + faults.smsTimeout()) {
            send.outcome = Outcome.ACCEPTED_TIMEOUT;
            Thread.sleep(12_000); // the SMS client's @Timeout is 10 s
        }
        finish(exchange, send, send.outcome == null ? Outcome.ACCEPTED : send.outcome, 201, """
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[{"statusCode":101,\
                "number":"+%s","status":"Success","cost":"KES 0.8000","messageId":"%s"}]}}"""
                .formatted(to, send.providerId));
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type",
                    body.startsWith("{") ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException gone) {
            // the caller timed out and closed the connection: exactly what a time-out is
        }
    }

    // ---- views for the invariants --------------------------------------------------------------------------

    List<Send> sendsSnapshot() {
        synchronized (sends) {
            return List.copyOf(sends);
        }
    }

    List<Push> pushesSnapshot() {
        synchronized (pushes) {
            return List.copyOf(pushes);
        }
    }

    List<Charge> chargesSnapshot() {
        synchronized (charges) {
            return List.copyOf(charges);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
