package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import ke.invoiceiq.domain.customer.Msisdn;

/** AT's answers (docs/sms.md) and a reader for the form we sent, shared by the outbound tests. */
final class Answers {

    static final Msisdn TO = new Msisdn("254712345678");

    private Answers() {
    }

    /** One recipient with this status, in AT's shape (201, JSON). */
    static ResponseDefinitionBuilder recipient(int statusCode, String status, String messageId) {
        return created("""
                {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000",
                 "Recipients":[{"statusCode":%d,"number":"+254712345678","status":"%s",
                                "cost":"KES 0.8000","messageId":"%s"}]}}""".formatted(statusCode, status, messageId));
    }

    static ResponseDefinitionBuilder sent(String messageId) {
        return recipient(101, "Success", messageId);
    }

    static ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** The url-decoded form fields of a request, in the order sent. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (fields.put(key, value) != null) {
                throw new AssertionError("form field sent twice: " + key);
            }
        }
        return fields;
    }
}
