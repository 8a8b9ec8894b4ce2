package ke.invoiceiq.adapters.http.pay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Pay from another phone" on the pay page: the prompt goes to the number typed, read as the chat reads numbers; a
 * bad number is answered on the page with nothing sent and nothing lost; the invoice's limits hold for any number.
 */
@QuarkusTest
class PayFromAnotherPhoneTest {

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Msisdn OTHER = new Msisdn("254722000111");

    @Inject
    InMemoryPorts ports;

    PayInvoices invoices;

    @BeforeEach
    void setUp() {
        invoices = new PayInvoices(ports);
    }

    @Test
    void givenAPayableInvoice_whenOpened_thenTheFormOffersAnotherPhone() {
        String html = get(invoices.in(InvoiceStatus.SENT)).then().statusCode(200).extract().asString();

        assertThat(html).contains("<label class=\"other\" for=\"phone\">Pay from another phone (optional)</label>")
                .contains("name=\"phone\"")
                .contains("Leave empty to pay from 2547****5678.")
                .doesNotContain("id=\"phone-error\"");
    }

    @ParameterizedTest(name = "typed \"{0}\"")
    @CsvSource({
            "0722000111",
            "0722 000 111",
            "+254722000111",
            "254722000111",
            "+254 0722 000 111",
            "722000111"})
    void givenAnotherKenyanNumberInAnyFormTheChatAccepts_whenPosted_thenOnePushToThatNumber(String typed) {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        String nonce = nonceOf(get(invoice).asString());

        post(invoice, nonce, typed).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");

        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(ports.gateway().lastPush().orElseThrow().payer()).isEqualTo(OTHER);
        assertThat(invoices.onlyAttempt(invoice).payer()).isEqualTo(OTHER);
        assertThat(get(invoice).asString())
                .contains("An M-PESA prompt for KES 2,500 (Invoice #" + invoice.id().value() + ") was sent to"
                        + " 2547****0111. Enter the M-PESA PIN on that phone.")
                .doesNotContain(OTHER.value());
    }

    @Test
    void givenTheInvoicedNumberTyped_whenPosted_thenItIsTheUsualPrompt() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        post(invoice, nonceOf(get(invoice).asString()), "0712345678").then().statusCode(303);

        assertThat(ports.gateway().lastPush().orElseThrow().payer()).isEqualTo(PayInvoices.CUSTOMER);
        assertThat(get(invoice).asString()).doesNotContain("was sent to");
    }

    @ParameterizedTest(name = "typed \"{0}\"")
    @ValueSource(strings = {"12345", "0812345678", "+255712345678", "07123456789", "phone please",
            "<script>alert(1)</script>", "0712345678<b>"})
    void givenANumberThatIsNotKenyanMobile_whenPosted_thenThePageSaysSoKeepsItAndSendsNothing(String typed) {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        String nonce = nonceOf(get(invoice).asString());

        Response answer = post(invoice, nonce, typed);

        String html = answer.then().statusCode(422).contentType("text/html")
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(html).contains("id=\"phone-error\" role=\"alert\">That is not a Kenyan M-PESA number.")
                .contains("aria-invalid=\"true\"")
                .contains("name=\"nonce\" value=\"" + nonce + "\"")
                .contains("<form")
                .doesNotContain("<script>");
        assertThat(html).contains("value=\"" + escaped(typed) + "\"");
        assertThat(invoices.pushesFor(invoice)).isZero();

        // fixed and pressed again with the same form: the push goes out once
        post(invoice, nonce, "0722000111").then().statusCode(303);
        post(invoice, nonce, "0722000111").then().statusCode(303);
        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
    }

    @Test
    void givenAPromptOpenOnTheInvoicedNumber_whenAnotherNumberIsPosted_thenNoSecondPrompt() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        post(invoice, PayNonces.fresh(), "").then().statusCode(303);

        post(invoice, PayNonces.fresh(), "0722000111").then().statusCode(303)
                .header("Location", invoice.payToken().value() + "?r=open");

        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(ports.gateway().lastPush().orElseThrow().payer()).isEqualTo(PayInvoices.CUSTOMER);
    }

    @Test
    void givenAPaidInvoice_whenABadNumberIsPosted_thenThePageShowsItPaidAndNoForm() {
        Invoice invoice = invoices.in(InvoiceStatus.PAID);

        String html = post(invoice, PayNonces.fresh(), "123").then().statusCode(422).extract().asString();

        assertThat(html).contains("id=\"status\">Paid<").doesNotContain("<form");
        assertThat(invoices.pushesFor(invoice)).isZero();
    }

    private static String escaped(String typed) {
        return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Response get(Invoice invoice) {
        return given().redirects().follow(false).urlEncodingEnabled(false).get("/pay/" + invoice.payToken().value());
    }

    private static Response post(Invoice invoice, String nonce, String phone) {
        return given().redirects().follow(false).formParam("nonce", nonce).formParam("phone", phone)
                .post("/pay/" + invoice.payToken().value());
    }

    private static String nonceOf(String html) {
        Matcher m = NONCE.matcher(html);
        assertThat(m.find()).as("the form's nonce").isTrue();
        return m.group(1);
    }
}
