package ke.invoiceiq.adapters.http.pay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.http.TestWiring;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pay page over HTTP, on the real use cases over the in-memory ports ({@link TestWiring}); the scripted
 * M-PESA records every push. Each case makes its own invoice, so the cases share the ports safely.
 */
@QuarkusTest
class PayPageResourceTest {

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern STYLE_NONCE = Pattern.compile("<style nonce=\"([^\"]+)\">");

    @Inject
    InMemoryPorts ports;

    @Inject
    RecordPaymentResultUseCase results;

    @Inject
    MerchantSettings merchant;

    PayInvoices invoices;

    @BeforeEach
    void setUp() {
        invoices = new PayInvoices(ports);
    }

    // ---- what the page shows ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"PENDING", "SENT", "FAILED"})
    void givenAPayableInvoice_whenOpened_thenEveryFieldAndThePayButton(InvoiceStatus status) {
        Invoice invoice = invoices.in(status);

        String html = get(invoice).then().statusCode(200).contentType("text/html").extract().asString();

        assertThat(html).contains(">" + TestWiring.BUSINESS_NAME + "<")
                .contains("id=\"invoice\">" + invoice.id().value() + "<")
                .contains("id=\"amount\">KES 2,500<")
                .contains("id=\"description\">Cleaning (Wed 3pm)<")
                .contains("id=\"status\">Awaiting payment<")
                .contains("<form method=\"post\" action=\"" + invoice.payToken().value() + "\">")
                .contains(">Pay with M-PESA</button>")
                .contains("2547****5678")
                .doesNotContain(PayInvoices.CUSTOMER.value())
                .doesNotContain("id=\"receipt\"")
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(nonceOf(html)).matches("[A-Za-z0-9_-]{16,64}");
    }

    @Test
    void givenAnOpenInvoiceWithADueDate_whenOpened_thenTheDueDateIsShown() {
        Invoice invoice = invoices.sentDue(java.time.LocalDate.of(2027, 12, 15));

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"due-date\">Due: 15 Dec 2027<");
        assertThat(get(invoices.in(InvoiceStatus.SENT)).then().extract().asString()).doesNotContain("due-date");
    }

    @Test
    void givenAPaidInvoice_whenOpened_thenTheReceiptAndNoButton() {
        Invoice invoice = invoices.in(InvoiceStatus.PAID);

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"status\">Paid<")
                .contains("id=\"receipt\">" + invoices.receiptOf(invoice) + "<")
                .contains("Paid ✔ — Invoice #" + invoice.id().value() + " (KES 2,500)")
                .contains("id=\"amount\">KES 2,500<")
                .doesNotContain("<form")
                .doesNotContain("Pay with M-PESA</button>");
    }

    @Test
    void givenACancelledInvoice_whenOpened_thenItSaysSoAndNoButton() {
        Invoice invoice = invoices.in(InvoiceStatus.CANCELLED);

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"status\">Cancelled<")
                .contains("Invoice #" + invoice.id().value() + " (KES 2,500) was cancelled by the merchant."
                        + " Nothing to pay.")
                .doesNotContain("<form");
    }

    @Test
    void givenADescriptionWithMarkup_whenOpened_thenItIsEscaped() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT, "<script>alert(1)</script> & \"quotes\"", 100);

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .doesNotContain("<script>")
                .doesNotContain("<script");
    }

    @Test
    void givenEveryRender_whenOpenedTwice_thenEachHasItsOwnFormNonce() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        assertThat(nonceOf(get(invoice).asString())).isNotEqualTo(nonceOf(get(invoice).asString()));
    }

    @Test
    void givenASwahiliInvoice_whenOpened_thenThePageIsSwahiliWithTheNumberAndAmount() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT, "Usafi wa nyumba", 2_500, Language.SW);

        String html = get(invoice).then().statusCode(200).contentType("text/html").extract().asString();

        assertThat(html).contains("<html lang=\"sw\">")
                .contains("<title>Ankara " + invoice.id().value() + " · " + TestWiring.BUSINESS_NAME + "</title>")
                .contains("id=\"invoice\">" + invoice.id().value() + "<")
                .contains("id=\"amount\">KES 2,500<")
                .contains("id=\"status\">Inasubiri malipo<")
                .contains(">Lipa kwa M-PESA</button>")
                .contains("Ombi la M-PESA litaenda kwa 2547****5678")
                .contains("Usimpe mtu kiungo hiki")
                .doesNotContain("Pay with M-PESA")
                .doesNotContain("Awaiting payment");
    }

    @Test
    void givenAnEnglishInvoice_whenOpened_thenThePageSaysItIsEnglish() {
        String html = get(invoices.in(InvoiceStatus.SENT)).then().statusCode(200).extract().asString();

        assertThat(html).contains("<html lang=\"en\">").doesNotContain("Ankara");
    }

    @Test
    void givenAnUnknownTokenAskedInSwahili_whenOpened_thenThe404PageIsSwahili() {
        String html = get("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=sw").then().statusCode(404).extract().asString();

        assertThat(html).contains("<html lang=\"sw\">").contains("Kiungo hiki cha malipo hakifanyi kazi")
                .contains(TestWiring.BUSINESS_NAME);
    }

    // ---- links that lead nowhere -----------------------------------------------------------------------------

    @Test
    void givenAnUnknownOrMalformedToken_whenOpened_thenTheSame404Page() {
        String unknown = get("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404).contentType("text/html")
                .extract().asString();
        assertThat(unknown).contains("This pay link doesn't work").contains(TestWiring.BUSINESS_NAME);

        for (String malformed : new String[] {"short", "has.dots.and.more.than.22chars", "x".repeat(65),
                "%3Cscript%3Ealert(1)%3C%2Fscript%3Eaaaaaaaaaa", "AAAAAAAAAAAAAAAAAAAAAAA%20A"}) {
            String page = get("/pay/" + malformed).then().statusCode(404).contentType("text/html").extract().asString();
            assertThat(withoutNonce(page)).as(malformed).isEqualTo(withoutNonce(unknown));
        }
        assertThat(withoutNonce(get("/pay").then().statusCode(404).extract().asString()))
                .isEqualTo(withoutNonce(unknown));
    }

    @Test
    void givenAnUnknownOrMalformedToken_whenPosted_thenThe404PageAndNoPush() {
        int before = ports.gateway().pushCount();

        String unknown = post("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", PayNonces.fresh()).then().statusCode(404)
                .extract().asString();
        String malformed = post("/pay/nope", PayNonces.fresh()).then().statusCode(404).extract().asString();

        assertThat(withoutNonce(malformed)).isEqualTo(withoutNonce(unknown)).contains("This pay link doesn't work");
        assertThat(ports.gateway().pushCount()).isEqualTo(before);
    }

    // ---- pressing Pay with M-PESA --------------------------------------------------------------------------

    @Test
    void givenTheForm_whenPosted_thenOnePushToTheInvoicedNumberAndARedirectToCheckYourPhone() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        String nonce = nonceOf(get(invoice).asString());

        Response answer = post(invoice, nonce);

        answer.then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");
        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(ports.gateway().lastPush().orElseThrow().payer()).isEqualTo(PayInvoices.CUSTOMER);
        assertThat(invoices.onlyAttempt(invoice).idempotencyKey().value()).startsWith("pay:").endsWith(":" + nonce)
                .doesNotContain(invoice.payToken().value());

        String html = get("/pay/" + invoice.payToken().value() + "?r=sent").then().statusCode(200).extract().asString();
        assertThat(html).contains("Check your phone for the M-PESA payment prompt! (Invoice #" + invoice.id().value()
                        + ", KES 2,500)")
                .contains("You&#39;ll receive a receipt once payment is complete.")
                .contains("id=\"status\">Waiting for your M-PESA PIN<")
                .contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .contains("id=\"refresh\" href=\"" + invoice.payToken().value() + "\"")
                .doesNotContain("<form");
    }

    @Test
    void givenTheSameFormPostedTwice_whenHandled_thenOnePush() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        String nonce = nonceOf(get(invoice).asString());

        post(invoice, nonce).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");
        post(invoice, nonce).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");

        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(ports.payments().findByInvoice(invoice.id())).hasSize(1);
    }

    @Test
    void givenTwoRendersPostedOneAfterTheOther_whenHandled_thenOnePushAndThePromptIsAlreadyOpen() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        post(invoice, PayNonces.fresh()).then().statusCode(303);
        post(invoice, PayNonces.fresh()).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=open");

        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=open").asString())
                .contains("Payment request already sent! Check your phone for the M-PESA prompt.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "has spaces in it, far too many", "<script>alert(1)</script>xxxxxxxx",
            "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüß"})
    void givenAMissingOrMalformedNonce_whenPosted_thenAFreshOneAndNever500(String nonce) {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        post(invoice, nonce).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");

        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
        assertThat(invoices.onlyAttempt(invoice).idempotencyKey().value()).matches("pay:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{24}");
    }

    @Test
    void givenNoFormField_whenPosted_thenStill303() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("")
                .post("/pay/" + invoice.payToken().value())
                .then().statusCode(303);
        given().redirects().follow(false).post("/pay/" + invoice.payToken().value())
                .then().statusCode(org.hamcrest.Matchers.not(org.hamcrest.Matchers.greaterThanOrEqualTo(500)));
    }

    @Test
    void givenAPaidInvoice_whenPosted_thenNoPushAndTheReceipt() {
        Invoice invoice = invoices.in(InvoiceStatus.PAID);

        post(invoice, PayNonces.fresh()).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=paid");

        assertThat(invoices.pushesFor(invoice)).isZero();
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=paid").asString())
                .contains("id=\"receipt\">" + invoices.receiptOf(invoice) + "<");
    }

    @Test
    void givenACancelledInvoice_whenPosted_thenNoPushAndCancelled() {
        Invoice invoice = invoices.in(InvoiceStatus.CANCELLED);

        post(invoice, PayNonces.fresh()).then().statusCode(303)
                .header("Location", invoice.payToken().value() + "?r=cancelled");

        assertThat(invoices.pushesFor(invoice)).isZero();
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=cancelled").asString())
                .contains("was cancelled by the merchant").doesNotContain("<form");
    }

    @Test
    void givenThePhoneHasAnotherPromptOpen_whenPosted_thenTheBusyWordsAndTheButtonAgain() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());

        post(invoice, PayNonces.fresh()).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=busy");

        assertThat(get("/pay/" + invoice.payToken().value() + "?r=busy").asString())
                .contains("Your phone already has an M-PESA prompt open. Finish or cancel it, then tap Pay with"
                        + " M-PESA again. (Invoice #" + invoice.id().value() + ", KES 2,500)")
                .contains(">Pay with M-PESA</button>");
    }

    @Test
    void givenMpesaNotAnswering_whenPosted_thenTheUnavailableWordsAndTheButtonAgain() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.RetryLater("spike arrest"));

        post(invoice, PayNonces.fresh()).then().statusCode(303)
                .header("Location", invoice.payToken().value() + "?r=unavailable");

        assertThat(get("/pay/" + invoice.payToken().value() + "?r=unavailable").asString())
                .contains("M-PESA is not answering right now. Please tap Pay with M-PESA again in a few minutes.")
                .contains(">Pay with M-PESA</button>");
    }

    @Test
    void givenTheCustomerCancelledThePrompt_whenPressedAgainAtOnce_thenWaitMinutesThenAPushAfterTheCooldown() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        post(invoice, PayNonces.fresh()).then().statusCode(303);
        invoices.callback(results, invoice, 1032);

        String failed = get(invoice).asString();
        // the customer's own "no" asks for a pause: the sentence names the minutes left
        assertThat(failed).contains("Payment for Invoice #" + invoice.id().value() + " (KES 2,500) did not go through.")
                .contains("You cancelled the M-PESA prompt. When you are ready, tap Pay with M-PESA again in 2 minutes.")
                .contains("id=\"status\">Awaiting payment<");

        post(invoice, nonceOf(failed)).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=wait");
        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);

        ports.clock().advance(Duration.ofMinutes(3));
        String later = get(invoice).asString();
        // the pause is over: no minutes are named any more
        assertThat(later).doesNotContain("again in 2 minutes")
                .contains("The payment was cancelled on the phone. You can tap Pay with M-PESA again now.");
        post(invoice, nonceOf(later)).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");
        assertThat(invoices.pushesFor(invoice)).isEqualTo(2);
    }

    @Test
    void givenMpesaConfirmsThePayment_whenThePageReloads_thenPaidWithTheReceipt() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        post(invoice, PayNonces.fresh()).then().statusCode(303);
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=sent").asString()).contains("http-equiv=\"refresh\"");

        invoices.callback(results, invoice, 0);

        assertThat(invoices.onlyAttempt(invoice).status()).isEqualTo(PaymentStatus.SUCCESS);
        String html = get("/pay/" + invoice.payToken().value() + "?r=sent").asString();
        assertThat(html).contains("id=\"status\">Paid<").contains("id=\"receipt\">" + invoices.receiptOf(invoice) + "<")
                .doesNotContain("http-equiv=\"refresh\"").doesNotContain("<form");
    }

    @Test
    void givenAPartPayment_whenOpened_thenWhatWasReceivedTheBalanceAndAButtonThatAsksForTheBalance() {
        Invoice invoice = TestPayments.pay(ports, invoices.in(InvoiceStatus.SENT), 1_000);

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("Still to pay")
                .contains("id=\"amount\">KES 1,500<")
                .contains("id=\"total\">KES 2,500<")
                .contains("id=\"received\">KES 1,000<")
                .contains("Received KES 1,000 — KES 1,500 still to pay.")
                .contains("id=\"receipt\">" + invoices.receiptOf(invoice) + "<")
                .contains("id=\"status\">Part paid<")
                .contains(">Pay with M-PESA</button>");

        post(invoice, nonceOf(html)).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");
        assertThat(ports.gateway().lastPush().orElseThrow().amount().shillings()).as("the balance").isEqualTo(1_500);
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=sent").asString())
                .contains("Check your phone for the M-PESA payment prompt! (Invoice #" + invoice.id().value()
                        + ", KES 1,500)");
    }

    @Test
    void givenAnAttemptMpesaNeverAnswered_whenOpened_thenDoNotPayAgainIfTheMoneyLeftAndTheButton() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        post(invoice, PayNonces.fresh()).then().statusCode(303);
        // the reconciler gives up on the prompt: its outcome is unknown
        Invoice current = invoices.reload(invoice);
        ports.invoices().update(current.giveUp(current.attemptInFlight().orElseThrow().id(), ports.clock().instant())
                .invoice());

        String html = get(invoice).then().statusCode(200).extract().asString();

        assertThat(html).contains("M-PESA has not confirmed your last payment. If the money left your account, do"
                        + " not pay again. If not, tap Pay with M-PESA.")
                .doesNotContain("did not go through")
                .contains("id=\"status\">Awaiting payment<")
                .contains(">Pay with M-PESA</button>");
    }

    @Test
    void givenMpesaGivesNoClearAnswerToThePush_whenPosted_thenCheckYourPhoneAndNoButton() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));

        post(invoice, PayNonces.fresh()).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=sent");

        // a prompt may be on the phone: the page waits for it like any open prompt, and offers no second one
        assertThat(get("/pay/" + invoice.payToken().value() + "?r=sent").asString())
                .contains("Check your phone for the M-PESA payment prompt!")
                .contains("id=\"status\">Waiting for your M-PESA PIN<")
                .contains("http-equiv=\"refresh\"")
                .doesNotContain("<form");
        post(invoice, PayNonces.fresh()).then().statusCode(303).header("Location", invoice.payToken().value() + "?r=open");
        assertThat(invoices.pushesFor(invoice)).isEqualTo(1);
    }

    @Test
    void givenAForgedFlag_whenOpened_thenThePageStillFollowsTheInvoice() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        String html = get("/pay/" + invoice.payToken().value() + "?r=paid%3Cb%3E").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("id=\"status\">Awaiting payment<").contains("<form").doesNotContain("id=\"notice\"");
    }

    @Test
    void givenTheCoreFails_whenOpenedOrPosted_thenASorryPage503AndNever500() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        var broken = new PayPageResource(token -> {
            throw new IllegalStateException("database down");
        }, command -> {
            throw new IllegalStateException("database down");
        }, merchant);

        for (jakarta.ws.rs.core.Response answer : new jakarta.ws.rs.core.Response[] {
                broken.show(invoice.payToken().value(), null, null), broken.pay(invoice.payToken().value(), null, null)}) {
            assertThat(answer.getStatus()).isEqualTo(503);
            assertThat((String) answer.getEntity()).contains("Sorry, something went wrong on our side")
                    .doesNotContain("database down");
            assertThat(answer.getHeaderString("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.getHeaderString("Content-Security-Policy")).startsWith("default-src 'none';");
        }
        assertThat(invoices.pushesFor(invoice)).isZero();
    }

    // ---- headers --------------------------------------------------------------------------------------------

    @Test
    void givenAnyAnswer_whenServed_thenTheSecurityHeaders() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        for (Response answer : new Response[] {get(invoice), get("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                get("/pay/bad")}) {
            answer.then()
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("X-Robots-Tag", "noindex, nofollow");
            String csp = answer.header("Content-Security-Policy");
            Matcher style = STYLE_NONCE.matcher(answer.asString());
            assertThat(style.find()).isTrue();
            assertThat(csp).startsWith("default-src 'none';")
                    .contains("style-src 'nonce-" + style.group(1) + "'")
                    .contains("form-action 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("http");
        }
        post(invoice, PayNonces.fresh()).then().statusCode(303)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    @Test
    void givenEveryPage_whenServed_thenNoScriptAtAll() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);
        post(invoice, PayNonces.fresh());

        assertThat(get("/pay/" + invoice.payToken().value() + "?r=sent").asString()).doesNotContain("<script");
        assertThat(get("/pay/nope").asString()).doesNotContain("<script");
    }

    @Test
    void givenAHeadRequest_whenServed_thenTheHeadersWithoutABody() {
        Invoice invoice = invoices.in(InvoiceStatus.SENT);

        Response head = given().head("/pay/" + invoice.payToken().value());

        head.then().statusCode(200).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        assertThat(head.asString()).isEmpty();
        given().head("/pay/bad").then().statusCode(404);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Response get(Invoice invoice) {
        return get("/pay/" + invoice.payToken().value());
    }

    private static Response get(String path) {
        return given().redirects().follow(false).urlEncodingEnabled(false).get(path);
    }

    private static Response post(Invoice invoice, String nonce) {
        return post("/pay/" + invoice.payToken().value(), nonce);
    }

    private static Response post(String path, String nonce) {
        return given().redirects().follow(false).formParam("nonce", nonce).post(path);
    }

    private static String nonceOf(String html) {
        Matcher m = NONCE.matcher(html);
        assertThat(m.find()).as("the form's nonce").isTrue();
        return m.group(1);
    }

    /** The page without its per-response style nonce, to compare two answers. */
    private static String withoutNonce(String html) {
        return STYLE_NONCE.matcher(html).replaceAll("<style>");
    }
}
