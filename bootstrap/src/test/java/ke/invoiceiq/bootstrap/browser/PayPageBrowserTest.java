package ke.invoiceiq.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.StkPushResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The customer's side of the money path in a real browser: headless Chromium ({@link HeadlessChromium}, a phone's
 * viewport) on the running application and the real PostgreSQL. An invoice is created through the use case; the
 * customer opens its pay link, presses "Pay with M-PESA" and sees "check your phone"; Safaricom's success callback
 * (docs/daraja.md) is posted to {@code /payments/stk/callback/{token}} with the CheckoutRequestID read from the
 * {@code payments} row; the page, reloading itself, then shows PAID with the M-PESA receipt. M-PESA is not
 * configured, so the scripted stand-in takes the push (it never charges anyone). Screenshots of each state go to
 * {@code target/browser/}.
 */
@QuarkusTest
@TestProfile(PayPageBrowserTest.CallbackToken.class)
class PayPageBrowserTest {

    /** The STK callback's token, a business name with a character HTML must escape, and a Paybill. */
    public static final class CallbackToken implements QuarkusTestProfile {

        static final String TOKEN = "browser-callback-token-not-a-secret";
        static final String BUSINESS = "Wanjiru Cleaners & Sons";
        static final String PAYBILL = "123456";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpesa.callback-token", TOKEN, "invoiceiq.merchant.business-name", BUSINESS,
                    "mpesa.c2b.paybill", PAYBILL);
        }
    }

    static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration SHORT = Duration.ofSeconds(15);
    /** Longer than a few rounds of the page's 5-second self-reload. */
    private static final Duration REFRESHES = Duration.ofSeconds(30);

    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL app;

    @Inject
    CreateInvoiceUseCase invoices;

    @Inject
    PaymentGateway gateway;

    @Inject
    Database db;

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void givenARealInvoice_whenTheCustomerPaysOnThePage_thenCheckYourPhoneThenPaidWithTheReceipt() {
        Msisdn customer = Customers.fresh();
        Invoice invoice = invoice(customer, 2_500, "Deep cleaning, 3 rooms (Sat 9am)");
        String id = invoice.id().value();
        // the shared database holds other classes' payments: this push gets a CheckoutRequestID of its own
        String unique = UUID.randomUUID().toString().replace("-", "");
        var checkout = new CheckoutRequestId("ws_CO_browser_" + unique);
        ((ScriptedPaymentGateway) ClientProxy.unwrap(gateway)).respondWith(
                new StkPushResponse.Accepted(new MerchantRequestId("mr-browser-" + unique), checkout));
        WebDriver browser = chromium.driver();

        // 1. the pay link
        browser.get(payLink(invoice));
        assertThat(browser.getTitle()).contains(id).contains(CallbackToken.BUSINESS);
        assertThat(text(browser, "business")).isEqualTo(CallbackToken.BUSINESS);
        assertThat(text(browser, "amount")).isEqualTo("KES 2,500");
        assertThat(text(browser, "description")).isEqualTo("Deep cleaning, 3 rooms (Sat 9am)");
        assertThat(text(browser, "invoice")).isEqualTo(id);
        assertThat(text(browser, "status")).isEqualTo("Awaiting payment");
        assertThat(text(browser, "pay")).isEqualTo("Pay with M-PESA");
        assertThat(text(browser, "paybill")).isEqualTo("Or pay by Paybill 123456, account " + id);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("pay")).getCssValue("background-color"))
                .as("the inline style sheet passed the Content-Security-Policy").isEqualTo("rgba(14, 138, 67, 1)");
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-open.png"));

        // 2. Pay with M-PESA: one push, and "check your phone"
        browser.findElement(By.id("pay")).click();
        chromium.await(SHORT, "the check-your-phone page", d -> d.getCurrentUrl().endsWith("?r=sent")
                && text(d, "notice").startsWith("Check your phone for the M-PESA payment prompt!"));
        assertThat(text(browser, "status")).isEqualTo("Waiting for your M-PESA PIN");
        assertThat(text(browser, "notice")).contains("(Invoice #" + id + ", KES 2,500)")
                .contains("You'll receive a receipt once payment is complete.");
        assertThat(browser.findElements(By.tagName("form"))).as("no second press while the prompt is open").isEmpty();
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-pending.png"));
        assertThat(db.column("SELECT status FROM payments WHERE invoice_id = ?", id)).containsExactly("INITIATED");

        // 3. Safaricom calls back with the CheckoutRequestID of the payment row
        String checkoutOfRow = db.column("SELECT checkout_request_id FROM payments WHERE invoice_id = ?", id)
                .getFirst();
        assertThat(checkoutOfRow).isEqualTo(checkout.value());
        String receipt = ProviderTraffic.receipt();
        assertThat(ProviderTraffic.postStkCallback(CallbackToken.TOKEN,
                ProviderTraffic.stkSuccess(checkoutOfRow, "2500.00", receipt, customer))).isEqualTo(200);

        // 4. the page reloads itself and shows PAID with the receipt (nobody presses reload)
        chromium.await(REFRESHES, "the paid page", d -> "Paid".equals(text(d, "status")));
        assertThat(text(browser, "receipt")).isEqualTo(receipt);
        assertThat(text(browser, "notice")).contains("Paid ✔ — Invoice #" + id + " (KES 2,500)")
                .contains("Receipt: " + receipt).contains("Thank you!");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("meta[http-equiv=refresh]"))).as("done reloading").isEmpty();
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-paid.png"));

        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", id)).containsExactly("PAID");
        assertThat(db.column("SELECT status || ' ' || mpesa_receipt FROM payments WHERE invoice_id = ?", id))
                .as("one STK push, paid").containsExactly("SUCCESS " + receipt);
    }

    @Test
    void givenASwahiliInvoice_whenTheCustomerOpensItAndPresses_thenEveryWordIsSwahiliWithTheNumberAndAmount() {
        Msisdn customer = Customers.fresh();
        Invoice invoice = invoice(customer, 1_800, "Usafi wa nyumba");
        String id = invoice.id().value();
        assertThat(db.column("UPDATE invoices SET language = 'sw' WHERE id = ? RETURNING language", id))
                .containsExactly("sw");
        String unique = UUID.randomUUID().toString().replace("-", "");
        ((ScriptedPaymentGateway) ClientProxy.unwrap(gateway)).respondWith(new StkPushResponse.Accepted(
                new MerchantRequestId("mr-browser-sw-" + unique), new CheckoutRequestId("ws_CO_browser_sw_" + unique)));
        WebDriver browser = chromium.driver();

        browser.get(payLink(invoice));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sw");
        assertThat(browser.getTitle()).isEqualTo("Ankara " + id + " · " + CallbackToken.BUSINESS);
        assertThat(text(browser, "amount")).isEqualTo("KES 1,800");
        assertThat(text(browser, "invoice")).isEqualTo(id);
        assertThat(text(browser, "status")).isEqualTo("Inasubiri malipo");
        assertThat(text(browser, "pay")).isEqualTo("Lipa kwa M-PESA");
        assertThat(text(browser, "hint")).startsWith("Ombi la M-PESA litaenda kwa 2547");
        assertThat(text(browser, "paybill")).isEqualTo("Au lipa kwa Paybill 123456, akaunti " + id);
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-sw-open.png"));

        browser.findElement(By.id("pay")).click();
        chromium.await(SHORT, "the Swahili check-your-phone page", d -> d.getCurrentUrl().endsWith("?r=sent")
                && text(d, "notice").startsWith("Angalia simu yako"));
        assertThat(text(browser, "status")).isEqualTo("Tunasubiri PIN yako ya M-PESA");
        assertThat(text(browser, "notice")).contains("(Ankara #" + id + ", KES 1,800)");
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-sw-pending.png"));
    }

    @Test
    void givenALinkThatLeadsNowhere_whenOpened_thenTheNotFoundPage() {
        WebDriver browser = chromium.driver();

        browser.get(app.toString().replaceAll("/$", "") + "/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(text(browser, "not-found")).isEqualTo("This pay link doesn't work");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
        chromium.screenshot(SCREENSHOTS.resolve("pay-page-not-found.png"));
    }

    // ---- helpers ----

    private Invoice invoice(Msisdn customer, long shillings, String description) {
        CreateInvoiceOutcome outcome = invoices.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(customer),
                Optional.empty(), Amount.ofShillings(shillings), new Description(description)));
        assertThat(outcome).isInstanceOf(CreateInvoiceOutcome.Created.class);
        return ((CreateInvoiceOutcome.Created) outcome).invoice();
    }

    private String payLink(Invoice invoice) {
        return app.toString().replaceAll("/$", "") + "/pay/" + invoice.payToken().value();
    }

    private static String text(WebDriver browser, String id) {
        var found = browser.findElements(By.id(id));
        return found.isEmpty() ? "" : found.getFirst().getText().strip();
    }
}
