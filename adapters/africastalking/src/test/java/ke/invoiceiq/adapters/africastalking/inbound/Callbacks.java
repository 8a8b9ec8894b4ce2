package ke.invoiceiq.adapters.africastalking.inbound;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts a callback the way Africa's Talking does: {@code application/x-www-form-urlencoded}, UTF-8, no charset
 * parameter. (REST Assured's own form support would add {@code ISO-8859-1}.)
 */
final class Callbacks {

    static final String STATUS = "/sms/status/";
    static final String INBOUND = "/sms/inbound/";

    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Callbacks() {
    }

    static Response post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return given().config(AS_SENT).contentType("application/x-www-form-urlencoded").body(body).when().post(path);
    }

    static Response deliveryReport(String token, Map<String, String> fields) {
        return post(STATUS + token, fields);
    }

    static Response incoming(String token, Map<String, String> fields) {
        return post(INBOUND + token, fields);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
