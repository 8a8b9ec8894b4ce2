package ke.invoiceiq.bootstrap.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Where SmallRye Health answers in a test ({@code /q/health}, {@code /live}, {@code /ready}, {@code /well}): the one
 * place that knows the port and path, so the health assertions follow the endpoints when they move.
 */
public final class HealthEndpoints {

    private HealthEndpoints() {
    }

    /** A request against the health root: {@code health().get("/well")} is {@code /q/health/well}. */
    public static RequestSpecification health() {
        return given().basePath("/q/health");
    }
}
