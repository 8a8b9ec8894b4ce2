package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

/** {@code GET /stats/summary}, in an application of its own so every counted invoice is the test's. */
@QuarkusTest
@TestProfile(ApiProfile.FreshForStats.class)
class StatsTest {

    @Inject
    InMemoryPorts ports;

    @Test
    void countsConvertsAndTimesThePayments() {
        JsonPath empty = api().get("/stats/summary").then().statusCode(200).extract().jsonPath();
        assertThat(empty.getLong("total")).isZero();
        assertThat(empty.getDouble("conversion")).isZero();
        assertThat(empty.getString("mean_time_to_pay_seconds")).isNull();
        assertThat(empty.getString("median_time_to_pay_seconds")).isNull();
        assertThat(empty.getLong("overdue")).isZero();
        assertThat(empty.getLong("overdue_outstanding_cents")).isZero();

        paidAfter(Duration.ofSeconds(60));
        paidAfter(Duration.ofSeconds(120));
        paidAfter(Duration.ofSeconds(300));
        Api.in(ports, InvoiceStatus.SENT);
        Api.in(ports, InvoiceStatus.PENDING);
        Api.in(ports, InvoiceStatus.FAILED);
        Api.in(ports, InvoiceStatus.CANCELLED);

        JsonPath stats = api().get("/stats/summary").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        assertThat(stats.getLong("total")).isEqualTo(7);
        assertThat(stats.getMap("by_status")).isEqualTo(Map.of("PENDING", 1, "SENT", 1, "PAID", 3, "CANCELLED", 1,
                "FAILED", 1));
        assertThat(stats.getLong("sent")).isEqualTo(4);
        assertThat(stats.getLong("paid")).isEqualTo(3);
        assertThat(stats.getDouble("conversion")).isEqualTo(0.75);
        assertThat(stats.getDouble("mean_time_to_pay_seconds")).isEqualTo(160.0);
        assertThat(stats.getDouble("median_time_to_pay_seconds")).isEqualTo(120.0);
    }

    private void paidAfter(Duration timeToPay) {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        ports.clock().advance(timeToPay);
        TestPayments.pay(ports, sent, 2_500);
    }
}
