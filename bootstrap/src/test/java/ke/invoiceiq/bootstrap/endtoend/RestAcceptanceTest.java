package ke.invoiceiq.bootstrap.endtoend;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * The specification's acceptance criteria that involve the merchant REST API ({@code Authorization: Bearer
 * ADMIN_API_KEY}), each test one criterion by its number, through the real HTTP endpoints into the running service
 * on the real PostgreSQL, with WireMock for Meta, Safaricom and Africa's Talking. The chat-only criteria are in
 * {@link ChatAndPaymentAcceptanceTest}; they share the profile, so both run in one application.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class RestAcceptanceTest extends AcceptanceBase {

    /** The specification's smoke test, as written plus the bearer header: 201, Location, and sent like chat's. */
    @Test
    void smokeTestFromTheSpecification() {
        List<String> before = chat.invoicesOf(new Msisdn("254712345678"));

        Response created = api().contentType("application/json")
                .body("{\"msisdn\":\"254712345678\",\"amount_cents\":250000,\"description\":\"Cleaning\"}")
                .post("/invoices");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/invoices/" + id);
        assertThat(chat.invoicesOf(new Msisdn("254712345678"))).hasSize(before.size() + 1).contains(id);
        chat.dispatch();
        assertThat(api().get("/invoices/" + id).jsonPath().getString("status")).isEqualTo("SENT");
        assertThat(chat.lastWhatsAppTo(new Msisdn("254712345678")).buttons()).contains("pay_" + id);
    }

    /** 6 (REST): the same Idempotency-Key and body → the first answer, one STK; another body → 422; no key → 400. */
    @Test
    void criterion06_idempotencyKeyOnStkInitiate() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1100, "Plumbing");
        String other = createdAndSent(Customers.fresh(), 1200, "Painting");
        String key = "order-" + UUID.randomUUID();

        Response first = initiate(key, invoice);
        Response again = initiate(key, invoice);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.jsonPath().getString("checkout_request_id"))
                .isEqualTo(first.jsonPath().getString("checkout_request_id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        assertThat(initiate(key, other).statusCode()).isEqualTo(422);
        assertThat(api().contentType("application/json").body("{\"invoice_id\":\"" + invoice + "\"}")
                .post("/payments/stk/initiate").statusCode()).isEqualTo(400);
        assertThat(chat.pushesFor(customer)).isEqualTo(1);

        String callback = stkSuccess(first.jsonPath().getString("checkout_request_id"), "1100", receipt(), customer);
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback);
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback);
        JsonPath payments = api().queryParam("invoice_id", invoice).get("/payments").jsonPath();
        assertThat(payments.getList("items.status")).containsExactly("SUCCESS");
        assertThat(chat.status(invoice)).isEqualTo("PAID");
    }

    /** 7. 20 invoices created at once, half by REST and half by chat: all stored, all sent, ids unique. */
    @Test
    void criterion07_twentyInvoicesInParallelByRestAndChat() throws Exception {
        List<Msisdn> customers = new ArrayList<>();
        List<Callable<Void>> creations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Msisdn customer = Customers.fresh();
            customers.add(customer);
            int amount = 100 + i;
            if (i % 2 == 0) {
                creations.add(() -> {
                    assertThat(createInvoice(customer, amount, "Parallel REST " + amount).statusCode()).isEqualTo(201);
                    return null;
                });
            } else {
                creations.add(() -> {
                    chat.deliver(ProviderTraffic.whatsAppText(GraphApiWireMock.PHONE_ID, MERCHANT,
                            ProviderTraffic.newWamid(),
                            "invoice " + Customers.typed(customer) + " " + amount + " Parallel chat " + amount));
                    return null;
                });
            }
        }

        runTogether(creations);
        chat.dispatch();

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String id = chat.onlyInvoiceOf(customers.get(i));
            ids.add(id);
            int amount = 100 + i;
            assertThat(db.column("SELECT amount_cents || ' ' || description || ' ' || status FROM invoices WHERE id = ?",
                    id)).containsExactly((amount * 100) + " Parallel " + (i % 2 == 0 ? "REST " : "chat ") + amount
                    + " SENT");
            assertThat(chat.lastWhatsAppTo(customers.get(i)).buttons()).contains("pay_" + id);
        }
        assertThat(ids).hasSize(20);
    }

    /** 8 (REST): invalid phone, amount and description → 400 naming the field and the rule; nothing stored. */
    @Test
    void criterion08_invalidInputsOverRest() {
        Msisdn customer = Customers.fresh();
        String[][] cases = {
                {"{\"msisdn\":\"0712\",\"amount_cents\":1000,\"description\":\"Cleaning\"}", "msisdn"},
                {"{\"msisdn\":\"+255712345678\",\"amount_cents\":1000,\"description\":\"Cleaning\"}", "msisdn"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":0,\"description\":\"Cleaning\"}",
                        "amount_cents"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":150,\"description\":\"Cleaning\"}",
                        "amount_cents"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount\":250001,\"description\":\"Cleaning\"}",
                        "amount"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":1000,\"description\":\"ab\"}",
                        "description"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":1000,\"description\":\"" + "x".repeat(121)
                        + "\"}", "description"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":1000}", "description"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":1000,\"description\":\"Cleaning\","
                        + "\"colour\":\"blue\"}", "colour"},
                {"{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":\"lots\",\"description\":\"Cleaning\"}",
                        "amount_cents"},
        };
        for (String[] c : cases) {
            Response refused = api().contentType("application/json").body(c[0]).post("/invoices");

            assertThat(refused.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(refused.contentType()).as(c[0]).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).as(c[0]).startsWith("https://invoiceiq.ke/problems/");
            assertThat(refused.jsonPath().getList("errors.field")).as(c[0]).contains(c[1]);
            assertThat(refused.jsonPath().getList("errors.rule")).as(c[0]).doesNotContainNull();
        }
        assertThat(api().contentType("application/json").body("{\"msisdn\":").post("/invoices").statusCode())
                .isEqualTo(400);
        assertThat(given().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount_cents\":1000,\"description\":\"Cleaning\"}")
                .post("/invoices").statusCode()).as("no bearer key").isEqualTo(401);
        assertThat(chat.invoicesOf(customer)).isEmpty();
    }

    /** 9 (REST): remind, and cancel refused while an STK is in flight and once PAID; an open invoice cancels. */
    @Test
    void criterion09_remindAndCancelOverRest() {
        Msisdn customer = Customers.fresh();
        String invoice = createdAndSent(customer, 1500, "Tailoring");

        Response reminded = api().post("/invoices/" + invoice + "/remind");
        assertThat(reminded.statusCode()).isEqualTo(202);
        assertThat(reminded.jsonPath().getInt("invoice.reminder_count")).isEqualTo(1);
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).startsWith("Reminder: ");

        assertThat(initiate("rest-" + UUID.randomUUID(), invoice).statusCode()).isEqualTo(202);
        Response inFlight = api().post("/invoices/" + invoice + "/cancel");
        assertThat(inFlight.statusCode()).isEqualTo(409);
        assertThat(inFlight.jsonPath().getString("type")).endsWith("/payment-in-flight");

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(chat.checkoutInFlight(invoice), "1500", receipt(), customer));
        Response paid = api().post("/invoices/" + invoice + "/cancel");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(paid.jsonPath().getString("type")).endsWith("/invoice-already-paid");
        assertThat(chat.status(invoice)).isEqualTo("PAID");

        String open = createdAndSent(Customers.fresh(), 600, "Delivery");
        Response cancelled = api().post("/invoices/" + open + "/cancel");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("invoice.status")).isEqualTo("CANCELLED");
        assertThat(api().post("/invoices/INV-ZZZZZZ/remind").statusCode()).isEqualTo(404);
    }

    /** 10. What happened shows the same in /stats/summary and /q/metrics. */
    @Test
    void criterion10_statsAndMetricsAgreeWithWhatHappened() {
        JsonPath statsBefore = api().get("/stats/summary").jsonPath();
        Scrape metricsBefore = scrape();

        Msisdn payer = Customers.fresh();
        String paid = createdAndSent(payer, 2000, "Stats paid");
        createdAndSent(Customers.fresh(), 2100, "Stats open");
        String cancelled = createdAndSent(Customers.fresh(), 2200, "Stats cancelled");
        assertThat(api().post("/invoices/" + cancelled + "/cancel").statusCode()).isEqualTo(200);
        assertThat(initiate("rest-" + UUID.randomUUID(), paid).statusCode()).isEqualTo(202);
        clock.advance(java.time.Duration.ofSeconds(90));
        postStkCallback(DarajaWireMock.CALLBACK_TOKEN, stkSuccess(chat.checkoutInFlight(paid), "2000", receipt(), payer));

        JsonPath stats = api().get("/stats/summary").jsonPath();
        Scrape metrics = scrape();
        assertThat(stats.getLong("total") - statsBefore.getLong("total")).isEqualTo(3);
        assertThat(stats.getLong("by_status.PAID") - statsBefore.getLong("by_status.PAID")).isEqualTo(1);
        assertThat(stats.getLong("by_status.CANCELLED") - statsBefore.getLong("by_status.CANCELLED")).isEqualTo(1);
        assertThat(stats.getLong("by_status.SENT") - statsBefore.getLong("by_status.SENT")).isEqualTo(1);
        assertThat(stats.getLong("sent") - statsBefore.getLong("sent")).isEqualTo(3);
        assertThat(stats.getLong("paid") - statsBefore.getLong("paid")).isEqualTo(1);
        assertThat(stats.getDouble("conversion")).isCloseTo((double) stats.getLong("paid") / stats.getLong("sent"),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(stats.getString("median_time_to_pay_seconds")).isNotNull();

        assertThat(metrics.minus(metricsBefore, "invoiceiq_invoices_created_total")).isEqualTo(3);
        assertThat(metrics.minus(metricsBefore, "invoiceiq_invoices_sent_total", "channel", "whatsapp")).isEqualTo(3);
        assertThat(metrics.minus(metricsBefore, "invoiceiq_invoices_paid_total")).isEqualTo(1);
        assertThat(metrics.minus(metricsBefore, "invoiceiq_payments_total", "result", "success")).isEqualTo(1);
        assertThat(metrics.minus(metricsBefore, "invoiceiq_time_to_pay_seconds_count")).isEqualTo(1);
        assertThat(metrics.minus(metricsBefore, "invoiceiq_time_to_pay_seconds_bucket", "le", "60.0")).isZero();
        assertThat(metrics.minus(metricsBefore, "invoiceiq_time_to_pay_seconds_bucket", "le", "300.0")).isEqualTo(1);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY);
    }

    private static Response createInvoice(Msisdn customer, int shillings, String description) {
        TypedInTests.number(customer);
        TypedInTests.text(description);
        return api().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount\":" + shillings + ",\"description\":\""
                        + description + "\"}")
                .post("/invoices");
    }

    /** An invoice created by REST and delivered on WhatsApp; its id. */
    private String createdAndSent(Msisdn customer, int shillings, String description) {
        Response created = createInvoice(customer, shillings, description);
        assertThat(created.statusCode()).isEqualTo(201);
        chat.dispatch();
        String id = created.jsonPath().getString("id");
        assertThat(chat.status(id)).isEqualTo("SENT");
        return id;
    }

    private static Response initiate(String key, String invoice) {
        return api().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invoice_id\":\"" + invoice + "\"}")
                .post("/payments/stk/initiate");
    }

    /** Starts every task at the same instant on its own thread and waits for all; a task's failure fails the test. */
    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            for (Future<Void> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
