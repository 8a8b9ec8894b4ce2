package ke.invoiceiq.bootstrap.packaged;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * What the packaged-application ITs do to the running service, from outside only (an IT cannot inject a bean): the
 * REST API with the admin key, the providers' requests in the providers' documented shapes (docs/whatsapp.md, docs/daraja.md, docs/sms.md), and waiting for what happens
 * asynchronously (webhook processing, the outbox dispatcher).
 */
final class PackagedApp {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private PackagedApp() {
    }

    // ---- fresh data ---------------------------------------------------------------------------------------------

    /** A Safaricom number nobody else in the suite uses, canonical ({@code 2547XXXXXXXX}). */
    static String freshCustomer() {
        String number;
        do {
            number = "2547" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        } while (number.equals(PackagedAppProfile.MERCHANT));
        return number;
    }

    /** A description no other invoice has: how a test finds its own invoice in a shared database. */
    static String freshDescription(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the management interface ------------------------------------------------------------------------------

    /** {@code path} (e.g. {@code /q/metrics}) on the management port, where the probes and Prometheus call it. */
    static String management(String path) {
        return "http://localhost:" + PackagedAppProfile.managementPort() + path;
    }

    // ---- the merchant REST API ----------------------------------------------------------------------------------

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + PackagedAppProfile.ADMIN_KEY);
    }

    /** {@code POST /invoices}; the created invoice's JSON. */
    static JsonPath createInvoice(String msisdn, long shillings, String description) {
        return admin().contentType("application/json")
                .body("""
                        {"msisdn":"%s","amount":%d,"description":"%s"}""".formatted(msisdn, shillings, description))
                .when().post("/invoices")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath invoice(String id) {
        return admin().when().get("/invoices/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The newest invoice with this description, among the newest 100. */
    static Optional<Map<String, Object>> findInvoice(String description) {
        List<Map<String, Object>> items = admin().queryParam("limit", 100).when().get("/invoices")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> description.equals(item.get("description"))).findFirst();
    }

    /** The path of a pay link ({@code https://…/pay/<token>} → {@code /pay/<token>}), to ask the service itself. */
    static String payPath(String payUrl) {
        return URI.create(payUrl).getRawPath();
    }

    // ---- WhatsApp (Meta) ----------------------------------------------------------------------------------------

    /** A text from {@code from} to the business number, in Meta's webhook envelope (docs/whatsapp.md). */
    static String whatsAppText(String from, String text) {
        return ProviderTraffic.whatsAppText(ProviderStandIns.PHONE_ID, new Msisdn(from),
                "wamid.packaged-it-" + UUID.randomUUID(), text);
    }

    /** Posts a webhook body with the {@code X-Hub-Signature-256} header given (none when null). */
    static Response postWebhook(String body, String signature) {
        RequestSpecification request = given().contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.when().post("/whatsapp/webhook");
    }

    /** Meta's signature: {@code sha256=} and the hex HMAC-SHA256 of the raw body with the app secret. */
    static String signature(String body, String secret) {
        return ProviderTraffic.signature(body, secret);
    }

    // ---- M-PESA (Daraja) ----------------------------------------------------------------------------------------

    static Response postStkCallback(String token, String body) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/payments/stk/callback/" + token);
    }

    /** A success callback (docs/daraja.md): Balance without a Value, numbers as numbers. */
    static String stkSuccess(String checkoutRequestId, long shillings, String receipt, String payer) {
        return ProviderTraffic.stkSuccess(checkoutRequestId, Long.toString(shillings), receipt, new Msisdn(payer));
    }

    /** A fresh receipt number in M-PESA's shape: 10 capitals and digits. */
    static String freshReceipt() {
        return ProviderTraffic.receipt();
    }

    // ---- waiting ------------------------------------------------------------------------------------------------

    /** Polls until {@code probe} gives a value, failing with {@code what} after {@link #PATIENCE}. */
    static <T> T eventually(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
