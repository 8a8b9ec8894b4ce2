package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /invoices}, in an application of its own so the listed invoices are exactly the test's: eight
 * invoices, some created at the same instant (the order then goes by id), every second one SENT.
 */
@QuarkusTest
@TestProfile(ApiProfile.FreshForListing.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListInvoicesTest {

    private static final List<InvoiceId> CREATED = new ArrayList<>();

    @Inject
    InMemoryPorts ports;

    @BeforeEach
    void eightInvoices() {
        if (!CREATED.isEmpty()) {
            return;
        }
        for (int n = 1; n <= 8; n++) {
            InvoiceId id = Api.created();
            CREATED.add(id);
            if (n % 2 == 0) {
                Api.sent(ports, id);
            }
            if (n % 3 == 0) {
                ports.clock().advance(Duration.ofSeconds(1));
            }
        }
    }

    private static List<String> newestFirst() {
        return CREATED.reversed().stream().map(InvoiceId::value).toList();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id", String.class);
    }

    @Test
    @Order(1)
    void listsNewestFirstWithTheDefaultLimit() {
        JsonPath page = api().get("/invoices").then().statusCode(200).extract().jsonPath();

        assertThat(ids(page)).containsExactlyElementsOf(newestFirst());
        assertThat(page.getString("next_cursor")).isNull();
        assertThat(page.getList("items.pay_url", String.class)).allMatch(u -> u.startsWith("https://pay.example/pay/"));
    }

    @Test
    @Order(2)
    void pagesThroughEveryInvoiceOnceInOrder() {
        for (int size = 1; size <= 9; size++) {
            var seen = new ArrayList<String>();
            var sizes = new ArrayList<Integer>();
            String cursor = null;
            do {
                var request = api().queryParam("limit", size);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/invoices").then().statusCode(200).extract().jsonPath();
                seen.addAll(ids(page));
                sizes.add(ids(page).size());
                cursor = page.getString("next_cursor");
                assertThat(sizes).as("pages of %d", size).hasSizeLessThanOrEqualTo(9);
            } while (cursor != null);

            assertThat(seen).as("pages of %d", size).containsExactlyElementsOf(newestFirst());
            assertThat(sizes).as("no empty last page").doesNotContain(0);
        }
    }

    @Test
    @Order(3)
    void filtersByStatusAcrossPages() {
        List<String> sent = newestFirst().stream().filter(id -> CREATED.indexOf(new InvoiceId(id)) % 2 == 1).toList();
        assertThat(sent).hasSize(4);

        JsonPath first = api().queryParam("status", "SENT").queryParam("limit", 3).get("/invoices").then()
                .statusCode(200).extract().jsonPath();
        JsonPath second = api().queryParam("status", "sent").queryParam("limit", 3)
                .queryParam("cursor", first.getString("next_cursor")).get("/invoices").then().statusCode(200)
                .extract().jsonPath();

        assertThat(ids(first)).containsExactlyElementsOf(sent.subList(0, 3));
        assertThat(ids(second)).containsExactlyElementsOf(sent.subList(3, 4));
        assertThat(second.getString("next_cursor")).isNull();
        assertThat(first.getList("items.status", String.class)).containsOnly("SENT");
        assertThat(ids(api().queryParam("status", "PAID").get("/invoices").jsonPath())).isEmpty();
    }

    @Test
    @Order(4)
    void aNewInvoiceDoesNotShiftTheNextPage() {
        JsonPath first = api().queryParam("limit", 4).get("/invoices").jsonPath();
        ports.clock().advance(Duration.ofSeconds(5));
        InvoiceId newer = Api.created();

        JsonPath second = api().queryParam("limit", 4).queryParam("cursor", first.getString("next_cursor"))
                .get("/invoices").jsonPath();

        assertThat(ids(second)).containsExactlyElementsOf(newestFirst().subList(4, 8)).doesNotContain(newer.value());
        assertThat(ids(api().queryParam("limit", 1).get("/invoices").jsonPath())).containsExactly(newer.value());
        CREATED.add(newer);
    }

    /** query, field, rule. */
    static Stream<Arguments> badParameters() {
        String wellFormedButWrong = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v2:1772431200.000000000:INV-000001".getBytes(StandardCharsets.US_ASCII));
        return Stream.of(
                Arguments.of("limit=0", "limit", "min"),
                Arguments.of("limit=-1", "limit", "min"),
                Arguments.of("limit=101", "limit", "max"),
                Arguments.of("limit=99999999999", "limit", "type"),
                Arguments.of("limit=ten", "limit", "type"),
                Arguments.of("limit=1.5", "limit", "type"),
                Arguments.of("status=OPEN", "status", "one_of"),
                Arguments.of("status=PAIDX", "status", "one_of"),
                Arguments.of("cursor=not-a-cursor", "cursor", "format"),
                Arguments.of("cursor=%25%25%25", "cursor", "format"),
                Arguments.of("cursor=" + wellFormedButWrong, "cursor", "format"),
                Arguments.of("cursor=" + "A".repeat(500), "cursor", "format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void refusesBadParametersNamingThem(String query, String field, String rule) {
        fieldError(api().get("/invoices?" + query), "validation-error", field, rule);
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        Response response = api().get("/invoices?status=OPEN&limit=0&cursor=zzz");

        assertThat(fieldError(response, "validation-error", "status", "one_of"))
                .extracting(e -> e.get("field")).containsExactly("status", "limit", "cursor");
    }
}
