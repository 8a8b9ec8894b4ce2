package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/audit} and the {@link AdminAuditFilter} behind it: every audited action that got past the key
 * is kept with the key's fingerprint, its target and its outcome, refused ones too; a refused key is not.
 */
@QuarkusTest
@TestProfile(ApiProfile.class)
class AuditTest {

    @Inject
    InMemoryPorts ports;

    @Test
    void givenRemindAndCancel_whenTheTrailIsRead_thenEachIsKeptWithTheKeysFingerprintNewestFirst() throws Exception {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        String id = sent.id().value();

        assertThat(api().post("/invoices/" + id + "/remind").statusCode()).isEqualTo(202);
        assertThat(api().post("/invoices/" + id + "/cancel").statusCode()).isEqualTo(200);
        assertThat(api().post("/invoices/" + id + "/remind").statusCode()).isEqualTo(409);

        List<Map<String, String>> mine = entriesFor(id);
        assertThat(mine).extracting(e -> e.get("action") + " " + e.get("outcome")).containsExactly(
                "REMIND_INVOICE 409 invoice-cancelled", "CANCEL_INVOICE 200 cancelled", "REMIND_INVOICE 202 reminded");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ApiProfile.KEY.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.get("key_fingerprint")).isEqualTo(expected);
            assertThat(e.get("at")).isNotBlank();
            assertThat(e.get("id")).isNotBlank();
        });
        assertThat(ports.adminAudit().latest(java.util.Optional.empty(), 100).toString())
                .doesNotContain(ApiProfile.KEY);
    }

    @Test
    void givenAWrongKey_whenAnActionIsTried_thenItIsRefusedAndNotKept() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        int status = given().header("Authorization", "Bearer not-the-key").post("/invoices/" + sent.id() + "/cancel")
                .statusCode();

        assertThat(status).isEqualTo(401);
        assertThat(entriesFor(sent.id().value())).isEmpty();
    }

    @Test
    void givenAMalformedId_whenAnActionIsTried_thenItIsKeptWithoutATarget() {
        int before = ports.adminAudit().latest(java.util.Optional.empty(), 1000).size();

        assertThat(api().post("/invoices/not%20an%20id/cancel").statusCode()).isEqualTo(400);

        var newest = ports.adminAudit().latest(java.util.Optional.empty(), 1000);
        assertThat(newest).hasSize(before + 1);
        assertThat(newest.getFirst().target()).isEmpty();
        assertThat(newest.getFirst().outcome()).isEqualTo("400 validation-error");
    }

    @Test
    void givenMoreEntriesThanAPage_whenPaged_thenTheCursorLeadsToTheRestWithoutRepeats() {
        for (int i = 0; i < 3; i++) {
            Invoice sent = Api.in(ports, InvoiceStatus.SENT);
            assertThat(api().post("/invoices/" + sent.id() + "/cancel").statusCode()).isEqualTo(200);
        }

        JsonPath first = api().queryParam("limit", 2).get("/admin/audit").then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("next_cursor");
        JsonPath second = api().queryParam("limit", 2).queryParam("cursor", cursor).get("/admin/audit").then()
                .statusCode(200).extract().jsonPath();

        assertThat(first.getList("items")).hasSize(2);
        assertThat(cursor).isNotBlank();
        assertThat(second.getList("items.id")).doesNotContainAnyElementsOf(first.getList("items.id"));
        assertThat(second.getString("items[0].at")).isLessThanOrEqualTo(first.getString("items[1].at"));
    }

    @Test
    void givenABadCursorOrLimit_whenRead_thenA400NamesIt() {
        fieldError(api().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/admin/audit"), "validation-error", "cursor",
                "format");
        fieldError(api().queryParam("limit", 101).get("/admin/audit"), "validation-error", "limit", "max");
        assertThat(given().get("/admin/audit").statusCode()).isEqualTo(401);
    }

    private static List<Map<String, String>> entriesFor(String target) {
        List<Map<String, String>> items = api().queryParam("limit", 100).get("/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(e -> target.equals(e.get("target"))).toList();
    }
}
