package ke.invoiceiq.bootstrap.packaged;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.createInvoice;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.eventually;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshCustomer;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.freshDescription;
import static ke.invoiceiq.bootstrap.packaged.PackagedApp.management;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged application's probes and metrics, as Fly.io, Kubernetes and Prometheus see them: Quarkus' own health
 * endpoints on the management port and the specification's aliases ({@code /healthz}, {@code /readyz}) on the
 * application port, readiness including the database, the business counter {@code invoiceiq_invoices_created_total}
 * on the management port's {@code /q/metrics}, counting an invoice made through the REST API, and no {@code /q/*} on
 * the application port.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedAppProfile.class)
class ProbesAndMetricsIT {

    private static final Pattern CREATED = Pattern.compile(
            "^invoiceiq_invoices_created_total(?:\\{[^}]*})?\\s+([0-9.eE+-]+)\\s*$", Pattern.MULTILINE);

    @Test
    void givenTheRunningService_whenReadinessIsProbed_thenItIsUpIncludingTheDatabase() {
        for (String path : List.of(management("/q/health/ready"), "/readyz")) {
            JsonPath ready = given().when().get(path)
                    .then().statusCode(200).contentType("application/json").extract().jsonPath();
            assertThat(ready.getString("status")).as(path).isEqualTo("UP");
            List<String> checks = ready.getList("checks.name");
            assertThat(checks).as(path).anySatisfy(name -> assertThat(name).containsIgnoringCase("database"));
            assertThat(ready.getList("checks.status", String.class)).as(path).containsOnly("UP");
        }
    }

    @Test
    void givenTheRunningService_whenLivenessIsProbed_thenItIsUp() {
        for (String path : List.of(management("/q/health/live"), "/healthz", management("/q/health"))) {
            assertThat(given().when().get(path).then().statusCode(200).extract().jsonPath().getString("status"))
                    .as(path).isEqualTo("UP");
        }
    }

    @Test
    void givenAnInvoiceCreated_whenMetricsAreScraped_thenInvoicesCreatedCountsIt() {
        double before = invoicesCreated().orElseThrow(
                () -> new AssertionError("no invoiceiq_invoices_created_total on /q/metrics"));

        createInvoice(freshCustomer(), 300, freshDescription("Window cleaning"));

        double after = eventually("invoiceiq_invoices_created_total above " + before,
                () -> Optional.of(invoicesCreated().orElse(before)).filter(value -> value >= before + 1));
        assertThat(after).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void givenTheRunningService_whenTheApplicationPortIsAskedForManagementEndpoints_then404() {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/docs")) {
            given().when().get(path).then().statusCode(404);
        }
    }

    /** The sum of the counter's series, when it is there at all. */
    private static Optional<Double> invoicesCreated() {
        String scrape = given().when().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher series = CREATED.matcher(scrape);
        OptionalDouble sum = OptionalDouble.empty();
        while (series.find()) {
            sum = OptionalDouble.of(sum.orElse(0) + Double.parseDouble(series.group(1)));
        }
        return sum.isPresent() ? Optional.of(sum.getAsDouble()) : Optional.empty();
    }
}
