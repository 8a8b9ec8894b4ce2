package ke.invoiceiq.bootstrap.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

/**
 * Where SmallRye Health answers in a test ({@code /q/health}, {@code /live}, {@code /ready}, {@code /well}) on the
 * management port: the one place that knows the port and path, so the health assertions follow the endpoints when
 * they move.
 */
public final class HealthEndpoints {

    private HealthEndpoints() {
    }

    /** A request against the health root: {@code health().get("/well")} is {@code /q/health/well}. */
    public static RequestSpecification health() {
        return given().baseUri(managementRoot()).basePath("/q/health");
    }

    /** {@code http://host:port} of the running test application's management interface. */
    static String managementRoot() {
        String uri = TestHTTPResourceManager.getManagementUri();
        return uri.endsWith("/q") ? uri.substring(0, uri.length() - 2) : uri;
    }
}
