package ke.invoiceiq.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that reaches the service from outside, through a "load balancer" over the live instances, with each
 * sender's own retry behaviour: Meta redelivers a webhook until it is answered 200 (here: for up to
 * {@link #REDELIVER_FOR}); Africa's Talking is treated the same; <b>Daraja never retries a callback</b> (docs/RUNBOOK.md
 * §4), so a callback that meets a dying instance or a 5xx is lost; a REST client retries with the same
 * Idempotency-Key.
 */
final class Traffic {

    static final Duration REDELIVER_FOR = Duration.ofSeconds(180);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Answer(int status, String body, int instance) {
        boolean answered() {
            return status > 0;
        }
    }

    private final List<ServiceInstance> instances;
    private final List<AtomicBoolean> up = new ArrayList<>();
    private final HttpClient http;
    private final String appSecret;
    private final String smsToken;
    private final String stkToken;
    private final String adminKey;

    final AtomicLong webhookPosts = new AtomicLong();
    final AtomicLong webhookFailures = new AtomicLong();
    final AtomicLong callbacksLost = new AtomicLong();
    final AtomicLong restCalls = new AtomicLong();

    Traffic(List<ServiceInstance> instances, String appSecret, String smsToken, String stkToken, String adminKey) {
        this.instances = instances;
        for (int i = 0; i < instances.size(); i++) {
            up.add(new AtomicBoolean(true));
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.appSecret = appSecret;
        this.smsToken = smsToken;
        this.stkToken = stkToken;
        this.adminKey = adminKey;
    }

    void down(int instance) {
        up.get(instance).set(false);
    }

    void up(int instance) {
        up.get(instance).set(true);
    }

    /** A live instance: {@code prefer} when it is up (-1: any), else a random live one. */
    int pick(int prefer) {
        if (prefer >= 0 && up.get(prefer).get()) {
            return prefer;
        }
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < up.size(); i++) {
            if (up.get(i).get()) {
                live.add(i);
            }
        }
        if (live.isEmpty()) {
            return ThreadLocalRandom.current().nextInt(up.size());
        }
        return live.get(ThreadLocalRandom.current().nextInt(live.size()));
    }

    /** Another instance than {@code instance} when one is up. */
    int other(int instance) {
        return pick((instance + 1) % instances.size());
    }

    /**
     * One POST. A refused connection (the process is gone, nothing was sent) is tried once more on another live
     * instance, as a proxy in front of the instances does; any other failure is the caller's to handle.
     */
    Answer post(int instance, String path, String contentType, byte[] body, String... headers) {
        Answer answer = postOnce(instance, path, contentType, body, headers);
        if (answer.status() == -1 && answer.body().equals("ConnectException")) {
            int other = other(instance);
            if (other != instance) {
                answer = postOnce(other, path, contentType, body, headers);
            }
        }
        return answer;
    }

    private Answer postOnce(int instance, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances.get(instance).baseUrl() + path))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), instance);
        } catch (IOException e) {
            return new Answer(-1, e.getClass().getSimpleName(), instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", instance);
        }
    }

    /**
     * Meta: posts the signed body until an instance answers 200, backing off 1, 2, 4 … 10 s, for up to
     * {@link #REDELIVER_FOR}. True when acknowledged.
     */
    boolean deliverWebhook(String body, int prefer) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String signature = Bodies.signature(raw, appSecret);
        return redeliver(() -> post(pick(prefer), "/whatsapp/webhook", "application/json", raw,
                "X-Hub-Signature-256", signature));
    }

    /** Africa's Talking's form posts ({@code status} or {@code inbound}), redelivered like Meta's. */
    boolean deliverSms(String kind, String form) {
        byte[] raw = form.getBytes(StandardCharsets.UTF_8);
        return redeliver(() -> post(pick(-1), "/sms/" + kind + "/" + smsToken,
                "application/x-www-form-urlencoded; charset=UTF-8", raw));
    }

    private boolean redeliver(java.util.function.Supplier<Answer> attempt) {
        long deadline = System.nanoTime() + REDELIVER_FOR.toNanos();
        long backoff = 1000;
        while (true) {
            webhookPosts.incrementAndGet();
            Answer answer = attempt.get();
            if (answer.status() == 200) {
                return true;
            }
            webhookFailures.incrementAndGet();
            if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                return false;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    /** Daraja: one try, never again. The status, or -1 when nothing answered. */
    int stkCallback(String body) {
        Answer answer = post(pick(-1), "/payments/stk/callback/" + stkToken, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            callbacksLost.incrementAndGet();
        }
        return answer.status();
    }

    /**
     * A REST call with the admin key and an Idempotency-Key, retried with the same key while the answer is no
     * answer, a 5xx or 409 "request-in-progress", for up to 90 s. The last answer.
     */
    Answer rest(String path, String json, String key, int prefer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            restCalls.incrementAndGet();
            Answer answer = post(pick(prefer), path, "application/json", json.getBytes(StandardCharsets.UTF_8),
                    "Authorization", "Bearer " + adminKey, "Idempotency-Key", key);
            boolean retry = !answer.answered() || answer.status() >= 500
                    || (answer.status() == 409 && answer.body().contains("request-in-progress"));
            if (!retry || System.nanoTime() > deadline) {
                return answer;
            }
            sleep(1000);
            prefer = -1;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
