package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.http.api.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.audit.AdminAction;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/c2b/register-urls}: each short code's answer from M-PESA, behind the key, audited. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class C2bRegistrationTest {

    @Inject
    InMemoryPorts ports;

    @Test
    void givenAPaybillMpesaTakesAndATillItRefuses_whenRegistered_thenEachAnswerIsReportedAndTheActionAudited() {
        Response response = api().post("/admin/c2b/register-urls");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("partly-registered");
        assertThat(response.jsonPath().getList("short_codes.short_code")).containsExactly("600100", "5123456");
        assertThat(response.jsonPath().getList("short_codes.result")).containsExactly("registered", "refused");
        assertThat(response.asString()).as("the URLs carry the callback token").doesNotContain("/payments/c2b/");
        var newest = ports.adminAudit().latest(Optional.empty(), 1).getFirst();
        assertThat(newest.action()).isEqualTo(AdminAction.REGISTER_C2B_URLS);
        assertThat(newest.outcome()).isEqualTo("200 partly-registered");
    }

    @Test
    void givenNoKey_whenRegistering_thenUnauthorizedAndNothingRegistered() {
        int before = ports.adminAudit().latest(Optional.empty(), 1000).size();

        assertThat(given().post("/admin/c2b/register-urls").statusCode()).isEqualTo(401);

        assertThat(ports.adminAudit().latest(Optional.empty(), 1000)).hasSize(before);
    }

    @Test
    void givenAGet_whenAsked_thenMethodNotAllowed() {
        assertThat(api().get("/admin/c2b/register-urls").statusCode()).isEqualTo(405);
    }
}
