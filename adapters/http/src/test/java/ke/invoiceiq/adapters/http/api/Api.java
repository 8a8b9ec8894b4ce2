package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Channel;
import java.time.Duration;

/** The tests' way to the API (with the key), to problem answers, and to invoices in a given state. */
final class Api {

    static final String CUSTOMER = "254712345678";
    static final String SMOKE_BODY = "{\"msisdn\":\"254712345678\",\"amount_cents\":250000,\"description\":\"Cleaning\"}";

    private Api() {
    }

    /** A request with the right key. */
    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + ApiProfile.KEY);
    }

    static RequestSpecification json(String body) {
        return api().contentType("application/json").body(body);
    }

    static Response create(String body) {
        return json(body).post("/invoices");
    }

    /** A new invoice made through the API (PENDING), by id. */
    static InvoiceId created() {
        return created(SMOKE_BODY);
    }

    static InvoiceId created(String body) {
        Response response = create(body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new InvoiceId(response.jsonPath().getString("id"));
    }

    /** A new invoice in {@code status}, its changes made as the dispatcher, M-PESA and the merchant would. */
    static Invoice in(InMemoryPorts ports, InvoiceStatus status) {
        InvoiceId id = created();
        return switch (status) {
            case PENDING -> invoice(ports, id);
            case SENT -> sent(ports, id);
            case FAILED -> update(ports, invoice(ports, id).deliveryFailedOnEveryChannel(ports.clock().instant())
                    .invoice());
            case PAID -> TestPayments.pay(ports, sent(ports, id), 2_500);
            case CANCELLED -> update(ports, invoice(ports, id).cancel(ports.clock().instant()).invoice());
        };
    }

    static Invoice sent(InMemoryPorts ports, InvoiceId id) {
        return update(ports, invoice(ports, id).sendAccepted(Channel.WHATSAPP, ports.clock().instant()).invoice());
    }

    /** A SENT invoice reminded {@code times} times already (no interval in between). */
    static Invoice remindedTimes(InMemoryPorts ports, int times) {
        Invoice invoice = in(ports, InvoiceStatus.SENT);
        for (int i = 0; i < times; i++) {
            invoice = update(ports, invoice.remind(new ReminderPolicy(Duration.ZERO, times), ports.clock().instant())
                    .invoice());
        }
        return invoice;
    }

    static Invoice invoice(InMemoryPorts ports, InvoiceId id) {
        return ports.invoices().find(id).orElseThrow();
    }

    static Invoice update(InMemoryPorts ports, Invoice next) {
        return ports.invoices().update(next);
    }

    /** Asserts an RFC 9457 answer of {@code status} with the type {@code slug}; returns its body. */
    static JsonPath problem(Response response, int status, String slug) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath body = new JsonPath(response.asString());
        assertThat(body.getString("type")).isEqualTo("https://invoiceiq.ke/problems/" + slug);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        return body;
    }

    /** Asserts a 400 that names {@code field} and {@code rule} (among possibly others); returns the errors. */
    static List<Map<String, String>> fieldError(Response response, String slug, String field, String rule) {
        JsonPath body = problem(response, 400, slug);
        List<Map<String, String>> errors = body.getList("errors");
        assertThat(errors).as(response.asString())
                .anySatisfy(e -> {
                    assertThat(e.get("field")).isEqualTo(field);
                    assertThat(e.get("rule")).isEqualTo(rule);
                    assertThat(e.get("message")).isNotBlank();
                });
        return errors;
    }
}
