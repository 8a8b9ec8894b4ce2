package ke.invoiceiq.adapters.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.domain.customer.Msisdn;

/** Numbers and Graph answers shared by the outbound tests. */
final class Fixtures {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000_000);

    private Fixtures() {
    }

    /** A recipient no other test has messaged (so the per-recipient pacing never gets in the way). */
    static Msisdn freshRecipient() {
        return new Msisdn("2547" + NEXT.incrementAndGet());
    }

    static ResponseDefinitionBuilder accepted(String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"messaging_product":"whatsapp",
                 "contacts":[{"input":"254712345678","wa_id":"254712345678"}],
                 "messages":[{"id":"%s","message_status":"accepted"}]}""".formatted(wamid));
    }

    /** The Graph error envelope (docs/whatsapp.md) with this code, under this HTTP status. */
    static ResponseDefinitionBuilder graphError(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) something","type":"OAuthException","code":%d,"fbtrace_id":"x"}}"""
                .formatted(code, code));
    }
}
