package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.create;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /invoices}: the smoke test as written, the accepted forms, and every refusal naming field and rule. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class CreateInvoiceTest {

    @Inject
    InMemoryPorts ports;

    @Test
    void theSmokeCurlCreatesTheInvoiceAndQueuesItToTheCustomer() {
        Response response = create(Api.SMOKE_BODY);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath body = response.jsonPath();
        String id = body.getString("id");
        assertThat(id).matches("INV-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(response.header("Location")).endsWith("/invoices/" + id).startsWith("http");
        assertThat(body.getString("status")).isEqualTo("PENDING");
        assertThat(body.getString("msisdn")).isEqualTo("254712345678");
        assertThat(body.getLong("amount_cents")).isEqualTo(250_000L);
        assertThat(body.getLong("amount")).isEqualTo(2_500L);
        assertThat(body.getString("amount_display")).isEqualTo("KES 2,500");
        assertThat(body.getString("currency")).isEqualTo("KES");
        assertThat(body.getString("description")).isEqualTo("Cleaning");
        assertThat(body.getString("pay_url")).matches("https://pay\\.example/pay/[A-Za-z0-9_-]{22,64}");
        assertThat(body.getString("created_at")).isEqualTo(ports.clock().instant().toString());
        assertThat(body.getInt("reminder_count")).isZero();
        Map<String, Object> all = body.getMap("");
        for (String absent : List.of("customer_name", "sent_at", "paid_at", "cancelled_at", "delivery_channel",
                "mpesa_receipt", "last_reminded_at")) {
            assertThat(all).containsEntry(absent, null);
        }
        assertThat(all).doesNotContainKeys("pay_token", "payToken", "version");

        List<OutboxMessage> queued = ports.outbox().all().stream()
                .filter(m -> m.invoiceId().map(InvoiceId::value).filter(id::equals).isPresent()).toList();
        assertThat(queued).singleElement().satisfies(m -> {
            assertThat(m.purpose()).isEqualTo(MessagePurpose.INVOICE);
            assertThat(m.recipient().value()).isEqualTo("254712345678");
        });

        api().get(response.header("Location")).then().statusCode(200);
        assertThat(api().get("/invoices/" + id).jsonPath().getString("pay_url")).isEqualTo(body.getString("pay_url"));
    }

    @Test
    void givenALanguage_whenCreated_thenTheInvoiceIsWrittenInItAndAnUnknownOneIsRefused() {
        InvoiceId swahili = Api.created("{\"msisdn\":\"0712345678\",\"amount\":2500,\"description\":\"Usafi\","
                + "\"language\":\"SW\"}");
        InvoiceId plain = Api.created("{\"msisdn\":\"0733000111\",\"amount\":2500,\"description\":\"Cleaning\"}");

        assertThat(Api.invoice(ports, swahili).language()).isEqualTo(Language.SW);
        assertThat(Api.invoice(ports, plain).language()).isEqualTo(Language.EN);
        fieldError(create("{\"msisdn\":\"0712345678\",\"amount\":2500,\"description\":\"Usafi\","
                + "\"language\":\"fr\"}"), "validation-error", "language", "one_of");
        fieldError(create("{\"msisdn\":\"0712345678\",\"amount\":2500,\"description\":\"Usafi\","
                + "\"language\":1}"), "validation-error", "language", "type");
    }

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("{\"msisdn\":\"0712 345 678\",\"amount\":2500,\"description\":\"Cleaning\"}",
                        "254712345678", 250_000L, null),
                Arguments.of("{\"msisdn\":\"+254-712-345-678\",\"amount\":\"2,500\",\"description\":\"Cleaning\"}",
                        "254712345678", 250_000L, null),
                Arguments.of("{\"msisdn\":\"712345678\",\"amount\":\"KES 2500\",\"description\":\"Cleaning\"}",
                        "254712345678", 250_000L, null),
                Arguments.of("{\"msisdn\":\"0112345678\",\"amount\":2500.00,\"description\":\"Cleaning\"}",
                        "254112345678", 250_000L, null),
                Arguments.of("{\"msisdn\":\"+254 0712 345 678\",\"amount\":2500,\"description\":\"Cleaning\"}",
                        "254712345678", 250_000L, null),
                Arguments.of("{\"msisdn\":\"254712345678\",\"amount\":\"250,000\",\"description\":\"Big job\"}",
                        "254712345678", 25_000_000L, null),
                Arguments.of("{\"msisdn\":\"254712345678\",\"amount_cents\":100,\"description\":\"Tiny\"}",
                        "254712345678", 100L, null),
                // a named customer is remembered, as in chat: the next invoice to the number carries the name
                Arguments.of("{\"msisdn\":\"254722000001\",\"customer_name\":\"  Mama   Njeri \",\"amount_cents\":"
                        + "120000,\"description\":\"Sukuma and eggs\"}", "254722000001", 120_000L, "Mama Njeri"),
                Arguments.of("{\"msisdn\":\"254722000001\",\"amount_cents\":120000,\"description\":\"Eggs\"}",
                        "254722000001", 120_000L, "Mama Njeri"),
                Arguments.of("{\"msisdn\":\"254722000002\",\"customer_name\":null,\"amount_cents\":120000,"
                        + "\"amount\":null,\"description\":\"Cleaning\"}", "254722000002", 120_000L, null),
                Arguments.of("{\"msisdn\":\"254722000003\",\"customer_name\":\"-\",\"amount_cents\":120000,"
                        + "\"description\":\"Cleaning\"}", "254722000003", 120_000L, null));
    }

    @ParameterizedTest
    @MethodSource("acceptedForms")
    void acceptsWhatTheChatAccepts(String body, String msisdn, long cents, String name) {
        Response response = create(body);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.jsonPath().getString("msisdn")).isEqualTo(msisdn);
        assertThat(response.jsonPath().getLong("amount_cents")).isEqualTo(cents);
        assertThat(response.jsonPath().getString("customer_name")).isEqualTo(name);
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/invoices"))
                .header("Authorization", "Bearer " + ApiProfile.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Api.SMOKE_BODY)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.request().headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static final String OK_MSISDN = "\"msisdn\":\"254712345678\"";
    private static final String OK_AMOUNT = "\"amount_cents\":250000";
    private static final String OK_DESCRIPTION = "\"description\":\"Cleaning\"";

    private static String with(String... members) {
        return "{" + String.join(",", members) + "}";
    }

    /** name, body, field, rule: each a 400 validation-error naming the field and the rule. */
    static Stream<Arguments> refusals() {
        String longText = "x".repeat(121);
        return Stream.of(
                Arguments.of("msisdn not a number", with("\"msisdn\":\"12345\"", OK_AMOUNT, OK_DESCRIPTION), "msisdn", "format"),
                Arguments.of("msisdn not Kenyan", with("\"msisdn\":\"+447911123456\"", OK_AMOUNT, OK_DESCRIPTION), "msisdn", "format"),
                Arguments.of("msisdn not Safaricom", with("\"msisdn\":\"0202345678\"", OK_AMOUNT, OK_DESCRIPTION), "msisdn", "format"),
                Arguments.of("msisdn missing", with(OK_AMOUNT, OK_DESCRIPTION), "msisdn", "required"),
                Arguments.of("msisdn null", with("\"msisdn\":null", OK_AMOUNT, OK_DESCRIPTION), "msisdn", "required"),
                Arguments.of("msisdn a number", with("\"msisdn\":254712345678", OK_AMOUNT, OK_DESCRIPTION), "msisdn", "type"),
                Arguments.of("amount_cents zero", with(OK_MSISDN, "\"amount_cents\":0", OK_DESCRIPTION), "amount_cents", "min"),
                Arguments.of("amount_cents negative", with(OK_MSISDN, "\"amount_cents\":-100", OK_DESCRIPTION), "amount_cents", "min"),
                Arguments.of("amount_cents above M-PESA's limit", with(OK_MSISDN, "\"amount_cents\":25000100", OK_DESCRIPTION), "amount_cents", "max"),
                Arguments.of("amount_cents huge", with(OK_MSISDN, "\"amount_cents\":123456789012345678901234567890", OK_DESCRIPTION), "amount_cents", "max"),
                Arguments.of("amount_cents not whole shillings", with(OK_MSISDN, "\"amount_cents\":250050", OK_DESCRIPTION), "amount_cents", "whole_shillings"),
                Arguments.of("amount_cents a fraction", with(OK_MSISDN, "\"amount_cents\":2500.5", OK_DESCRIPTION), "amount_cents", "type"),
                Arguments.of("amount_cents a string", with(OK_MSISDN, "\"amount_cents\":\"250000\"", OK_DESCRIPTION), "amount_cents", "type"),
                Arguments.of("amount zero", with(OK_MSISDN, "\"amount\":0", OK_DESCRIPTION), "amount", "min"),
                Arguments.of("amount text zero", with(OK_MSISDN, "\"amount\":\"0\"", OK_DESCRIPTION), "amount", "min"),
                Arguments.of("amount negative text", with(OK_MSISDN, "\"amount\":\"-5\"", OK_DESCRIPTION), "amount", "min"),
                Arguments.of("amount too big", with(OK_MSISDN, "\"amount\":250001", OK_DESCRIPTION), "amount", "max"),
                Arguments.of("amount text too big", with(OK_MSISDN, "\"amount\":\"300,000\"", OK_DESCRIPTION), "amount", "max"),
                Arguments.of("amount astronomically big", with(OK_MSISDN, "\"amount\":1e999999999", OK_DESCRIPTION), "amount", "max"),
                Arguments.of("amount with cents", with(OK_MSISDN, "\"amount\":2500.5", OK_DESCRIPTION), "amount", "whole_shillings"),
                Arguments.of("amount text with cents", with(OK_MSISDN, "\"amount\":\"2500.50\"", OK_DESCRIPTION), "amount", "whole_shillings"),
                Arguments.of("amount words", with(OK_MSISDN, "\"amount\":\"lots\"", OK_DESCRIPTION), "amount", "format"),
                Arguments.of("amount a boolean", with(OK_MSISDN, "\"amount\":true", OK_DESCRIPTION), "amount", "type"),
                Arguments.of("both amounts", with(OK_MSISDN, OK_AMOUNT, "\"amount\":2500", OK_DESCRIPTION), "amount", "exactly_one_of"),
                Arguments.of("no amount", with(OK_MSISDN, OK_DESCRIPTION), "amount_cents", "required"),
                Arguments.of("description empty", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"\""), "description", "min_length"),
                Arguments.of("description blank", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"   \""), "description", "min_length"),
                Arguments.of("description too short", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"ab\""), "description", "min_length"),
                Arguments.of("description too long", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"" + longText + "\""), "description", "max_length"),
                Arguments.of("description missing", with(OK_MSISDN, OK_AMOUNT), "description", "required"),
                Arguments.of("description a number", with(OK_MSISDN, OK_AMOUNT, "\"description\":42"), "description", "type"),
                Arguments.of("description an object", with(OK_MSISDN, OK_AMOUNT, "\"description\":{\"a\":1}"), "description", "type"),
                Arguments.of("customer_name too short", with(OK_MSISDN, "\"customer_name\":\"A\"", OK_AMOUNT, OK_DESCRIPTION), "customer_name", "min_length"),
                Arguments.of("customer_name too long", with(OK_MSISDN, "\"customer_name\":\"" + "n".repeat(61) + "\"", OK_AMOUNT, OK_DESCRIPTION), "customer_name", "max_length"),
                Arguments.of("description with a direction override", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"Deposit KES \\u202E0052\\u202C\""), "description", "format"),
                Arguments.of("description with a zero-width space", with(OK_MSISDN, OK_AMOUNT, "\"description\":\"Clea\\u200Bning\""), "description", "format"),
                Arguments.of("customer_name with a right-to-left mark", with(OK_MSISDN, "\"customer_name\":\"\\u200FMama Njeri\"", OK_AMOUNT, OK_DESCRIPTION), "customer_name", "format"),
                Arguments.of("customer_name a number", with(OK_MSISDN, "\"customer_name\":5", OK_AMOUNT, OK_DESCRIPTION), "customer_name", "type"),
                Arguments.of("unknown field", with(OK_MSISDN, OK_AMOUNT, OK_DESCRIPTION, "\"currency\":\"KES\""), "currency", "unknown_field"),
                Arguments.of("misspelt field", with("\"msisnd\":\"254712345678\"", OK_AMOUNT, OK_DESCRIPTION), "msisnd", "unknown_field"),
                Arguments.of("duplicate field", with(OK_MSISDN, OK_MSISDN, OK_AMOUNT, OK_DESCRIPTION), "msisdn", "duplicate_field"),
                Arguments.of("empty body", "", "body", "required"),
                Arguments.of("blank body", "  \n ", "body", "required"),
                Arguments.of("an array", "[" + with(OK_MSISDN, OK_AMOUNT, OK_DESCRIPTION) + "]", "body", "type"),
                Arguments.of("a string", "\"invoice\"", "body", "type"),
                Arguments.of("null", "null", "body", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesNamingTheFieldAndTheRule(String name, String body, String field, String rule) {
        int before = ports.outbox().all().size();

        fieldError(create(body), "validation-error", field, rule);

        assertThat(ports.outbox().all()).as("nothing queued").hasSize(before);
    }

    /** name, body, field: malformed JSON is a 400 malformed-json naming where it broke. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("bad number", "{\"msisdn\":\"254712345678\",\"amount_cents\":25x0}", "amount_cents"),
                Arguments.of("cut short", "{\"msisdn\":", "msisdn"),
                Arguments.of("single quotes", "{'msisdn':'254712345678'}", "body"),
                Arguments.of("trailing garbage", with(OK_MSISDN, OK_AMOUNT, OK_DESCRIPTION) + " trailing", "body"),
                Arguments.of("two objects", with(OK_MSISDN) + with(OK_AMOUNT), "body"),
                Arguments.of("not JSON at all", "msisdn=254712345678&amount=2500", "body"),
                Arguments.of("too deep", "[".repeat(5_000) + "]".repeat(5_000), "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedJsonNamingWhereItBroke(String name, String body, String field) {
        fieldError(create(body), "malformed-json", field, "json_syntax");
    }

    @Test
    void listsEveryRefusedFieldAtOnce() {
        Response response = create("{\"msisdn\":\"12\",\"amount\":0,\"description\":\"ab\",\"extra\":1}");

        // unknown members are answered first, on their own: the client is sending another shape
        fieldError(response, "validation-error", "extra", "unknown_field");

        List<Map<String, String>> errors = fieldError(create("{\"msisdn\":\"12\",\"amount\":0,\"description\":\"ab\"}"),
                "validation-error", "msisdn", "format");
        assertThat(errors).extracting(e -> e.get("field") + "/" + e.get("rule"))
                .containsExactly("msisdn/format", "amount/min", "description/min_length");
    }

    @Test
    void refusesABodyThatIsNotSentAsJson() {
        problem(api().contentType("text/plain").body(Api.SMOKE_BODY).post("/invoices"), 415, "unsupported-media-type");
        problem(api().contentType("application/x-www-form-urlencoded").body("msisdn=254712345678")
                .post("/invoices"), 415, "unsupported-media-type");
    }

    @Test
    void refusesAnOversizedBody() {
        String body = with(OK_MSISDN, OK_AMOUNT, "\"description\":\"" + "x".repeat(20_000) + "\"");

        problem(create(body), 413, "payload-too-large");
    }

    @Test
    void theProblemNeverEchoesTheSubmittedValues() {
        Response response = create(with("\"msisdn\":\"0799 SECRET 1\"", OK_AMOUNT, OK_DESCRIPTION));

        fieldError(response, "validation-error", "msisdn", "format");
        assertThat(response.asString()).doesNotContain("SECRET");
    }
}
