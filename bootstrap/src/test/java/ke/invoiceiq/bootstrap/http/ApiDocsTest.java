package ke.invoiceiq.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.MalformedURLException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The API documentation where the test profile (like dev) turns it on: the OpenAPI document and Swagger UI on the
 * management port, neither on the application port. (Off in prod: {@link ManagementInterfaceProdTest}.)
 */
@QuarkusTest
class ApiDocsTest {

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @Test
    void givenApiDocsOn_whenTheManagementPortIsAsked_thenItServesTheOpenApiDocumentAndSwaggerUi()
            throws MalformedURLException {
        given().when().get(openApi).then().statusCode(200).body(containsString("title: InvoiceIQ"));
        given().when().get(new URL(openApi, "/docs/")).then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void givenApiDocsOn_whenTheApplicationPortIsAsked_thenItServesNeither() {
        given().when().get("/q/openapi").then().statusCode(404);
        given().when().get("/docs/").then().statusCode(404);
    }
}
