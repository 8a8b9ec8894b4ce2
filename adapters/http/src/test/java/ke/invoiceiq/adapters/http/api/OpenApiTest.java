package ke.invoiceiq.adapters.http.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API describes itself: every endpoint at {@code /q/openapi}, with examples and the bearer scheme; {@code /docs}. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class OpenApiTest {

    private JsonNode spec;

    @BeforeEach
    void read() throws Exception {
        spec = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("/invoices", "post", List.of("201", "400", "401", "409", "415", "422")),
                Arguments.of("/invoices", "get", List.of("200", "400", "401")),
                Arguments.of("/invoices/{id}", "get", List.of("200", "400", "401", "404")),
                Arguments.of("/invoices/{id}/remind", "post", List.of("202", "401", "404", "409", "429")),
                Arguments.of("/invoices/{id}/cancel", "post", List.of("200", "401", "404", "409")),
                Arguments.of("/invoices/{id}/mark-paid", "post", List.of("200", "400", "401", "404", "409", "415")),
                Arguments.of("/payments/stk/initiate", "post",
                        List.of("202", "400", "401", "404", "409", "422", "429", "502", "503")),
                Arguments.of("/payments", "get", List.of("200", "400", "401", "404")),
                Arguments.of("/payments/unmatched", "get", List.of("200", "400", "401")),
                Arguments.of("/payments/unmatched/{id}", "get", List.of("200", "400", "401", "404")),
                Arguments.of("/payments/unmatched/{id}/apply", "post",
                        List.of("200", "400", "401", "404", "409", "415", "422")),
                Arguments.of("/stats/summary", "get", List.of("200", "401")),
                Arguments.of("/admin/audit", "get", List.of("200", "400", "401")),
                Arguments.of("/admin/outbox/{id}/retry", "post", List.of("200", "400", "401", "404", "409")),
                Arguments.of("/admin/outbox/{id}/abandon", "post", List.of("200", "400", "401", "404", "409")),
                Arguments.of("/admin/payments/{id}/requery", "post",
                        List.of("200", "400", "401", "404", "409", "503")),
                Arguments.of("/admin/export/invoices.csv", "get", List.of("200", "400", "401")),
                Arguments.of("/admin/export/payments.csv", "get", List.of("200", "400", "401")));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("operations")
    void everyOperationIsDescribedSecuredAndExemplified(String path, String method, List<String> statuses) {
        JsonNode operation = spec.path("paths").path(path).path(method);

        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        assertThat(operation.path("summary").asText()).isNotBlank();
        assertThat(operation.path("description").asText()).isNotBlank();
        assertThat(operation.path("security").toString()).contains("bearer");
        assertThat(fieldNames(operation.path("responses"))).containsAll(statuses);
        for (String status : statuses) {
            JsonNode content = operation.path("responses").path(status).path("content");
            assertThat(content.isMissingNode()).as(status + " of " + method + " " + path).isFalse();
            assertThat(content.toString()).as("an example for %s of %s %s", status, method, path)
                    .satisfiesAnyOf(c -> assertThat(c).contains("\"examples\""), c -> assertThat(c).contains("\"example\""),
                            c -> assertThat(status).isIn("400", "413"));
        }
        if (method.equals("post") && !path.contains("{id}")) {
            assertThat(operation.path("requestBody").path("content").path("application/json").path("examples")
                    .isEmpty()).as("request examples").isFalse();
        }
    }

    @Test
    void documentsTheIdempotencyKeyAndTheQueryParameters() {
        assertThat(spec.path("paths").path("/payments/stk/initiate").path("post").path("parameters").toString())
                .contains("Idempotency-Key").contains("\"required\":true");
        // optional where it is optional
        for (String path : List.of("/invoices", "/payments/unmatched/{id}/apply")) {
            JsonNode key = null;
            for (JsonNode parameter : spec.path("paths").path(path).path("post").path("parameters")) {
                if (parameter.path("name").asText().equals("Idempotency-Key")) {
                    key = parameter;
                }
            }
            assertThat(key).as(path).isNotNull();
            assertThat(key.path("in").asText()).isEqualTo("header");
            assertThat(key.path("required").asBoolean(false)).as(path).isFalse();
        }
        assertThat(spec.path("paths").path("/payments/stk/initiate").path("post").path("description").asText())
                .contains("checkout_request_id").contains("no second prompt");
        assertThat(spec.path("paths").path("/payments/unmatched").path("get").path("parameters").toString())
                .contains("\"status\"").contains("\"limit\"");
        assertThat(spec.path("paths").path("/invoices").path("get").path("parameters").toString())
                .contains("\"status\"").contains("\"limit\"").contains("\"cursor\"");
    }

    @Test
    void declaresTheBearerScheme() {
        JsonNode bearer = spec.path("components").path("securitySchemes").path("bearer");

        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(spec.path("info").path("title").asText()).isEqualTo("InvoiceIQ");
    }

    @Test
    void servesTheSwaggerUiAtDocs() {
        Response docs = given().get("/docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("text/html");
        assertThat(docs.asString()).containsIgnoringCase("swagger");
    }

    @Test
    void servesTheYamlTooWithEveryPath() {
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(yaml).contains("/invoices:", "/invoices/{id}:", "/invoices/{id}/remind:", "/invoices/{id}/cancel:",
                "/payments:", "/payments/stk/initiate:", "/payments/unmatched:", "/payments/unmatched/{id}:",
                "/payments/unmatched/{id}/apply:", "/stats/summary:", "bearer");
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            names.add(e.getKey());
        }
        return names;
    }
}
