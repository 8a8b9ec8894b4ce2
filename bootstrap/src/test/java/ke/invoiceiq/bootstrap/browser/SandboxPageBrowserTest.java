package ke.invoiceiq.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.bootstrap.sandbox.SandboxProfile;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The first-run experience in headless Chromium: the phone simulator at {@code /sandbox}, with the sandbox on and no
 * provider account, as the README's run command starts it. The person types the one-line invoice into the merchant's
 * chat, taps Pay with M-PESA on the customer's phone, enters a PIN in the STK dialog, and both phones get the
 * receipt. Everything the page does goes through the real endpoints (signed webhook, STK callback); the outbox is
 * sent by the scheduled dispatcher, as in a real run. Screenshots go to {@code bootstrap/target/browser/}.
 */
@QuarkusTest
@TestProfile(SandboxPageBrowserTest.SandboxWithJobs.class)
class SandboxPageBrowserTest {

    /** {@link SandboxProfile}, plus the outbox dispatcher every second (jobs are off in the other tests). */
    public static final class SandboxWithJobs implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new SandboxProfile().getConfigOverrides());
            config.put("invoiceiq.jobs.dispatch-every", "1s");
            return config;
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @TestHTTPResource("/")
    URL app;

    private static HeadlessChromium chromium;

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

    @Inject
    Database db;

    /** The sandbox's merchant is every test's merchant: this page shows only what this test makes. */
    @BeforeEach
    void forgetEarlierTests() {
        Outboxes.forgetEarlierTests(db);
    }

    @Test
    void givenTheSimulator_whenTheMerchantInvoicesAndTheCustomerPays_thenBothPhonesShowTheReceipt() {
        Msisdn customer = Customers.fresh();
        WebDriver browser = chromium.driver();
        browser.get(app + "sandbox?customer=" + customer.value());

        browser.findElement(By.id("merchant-input"))
                .sendKeys("invoice " + Customers.typed(customer) + " 2500 Cleaning (Wed 3pm)");
        browser.findElement(By.id("merchant-send")).click();

        String payButton = "li.msg[data-pane='customer'][data-channel='whatsapp'] button.reply[data-button-id^='pay_']";
        // the page redraws its messages as it polls: read an element in the same breath as finding it
        String[] pay = chromium.await(WAIT, "the invoice with its Pay button on the customer's phone",
                b -> {
                    WebElement button = first(b, payButton);
                    return button == null ? null : new String[] {button.getText(), button.getAttribute("data-button-id")};
                });
        assertThat(pay[0]).isEqualTo("Pay with M-PESA");
        String invoice = pay[1].substring("pay_".length());
        chromium.await(WAIT, "the merchant's confirmation with Send reminder and Cancel",
                b -> first(b, "li.msg[data-pane='merchant'] button.reply[data-button-id='remind_" + invoice + "']"));
        chromium.screenshot(SCREENSHOTS.resolve("sandbox-invoice-sent.png"));

        chromium.await(WAIT, "a tap on Pay with M-PESA", b -> {
            b.findElement(By.cssSelector(payButton)).click();
            return true;
        });
        chromium.await(WAIT, "the M-PESA prompt on the customer's phone",
                b -> b.findElement(By.id("stk-dialog")).isDisplayed());
        String prompt = chromium.await(WAIT, "the prompt's text", b -> b.findElement(By.id("stk-text")).getText());
        assertThat(prompt).contains("2,500");
        chromium.screenshot(SCREENSHOTS.resolve("sandbox-stk-prompt.png"));
        browser.findElement(By.id("stk-pin")).sendKeys("1234");
        browser.findElement(By.id("stk-ok")).click();

        String receipt = "Paid ✔ — Invoice #" + invoice;
        String toCustomer = chromium.await(WAIT, "the receipt on the customer's phone",
                b -> textOf(withText(b, "li.msg[data-pane='customer']", receipt)));
        chromium.await(WAIT, "the receipt on the merchant's phone", b -> withText(b, "li.msg[data-pane='merchant']",
                receipt));
        assertThat(toCustomer).containsPattern("Receipt: SBX[A-Z0-9]{7}");
        assertThat(browser.findElement(By.id("stk-dialog")).isDisplayed()).isFalse();
        chromium.screenshot(SCREENSHOTS.resolve("sandbox-paid.png"));
    }

    /** Issue 17: Lipa na M-PESA from the menu, Paybill with the invoice number as account, on the page. */
    @Test
    void givenAnInvoice_whenTheCustomerPaysItByPaybillFromTheMenu_thenTheReceiptShows() {
        Msisdn customer = Customers.fresh();
        WebDriver browser = chromium.driver();
        browser.get(app + "sandbox?customer=" + customer.value());
        browser.findElement(By.id("merchant-input"))
                .sendKeys("invoice " + Customers.typed(customer) + " 1800 Ironing");
        browser.findElement(By.id("merchant-send")).click();
        String payButton = "li.msg[data-pane='customer'] button.reply[data-button-id^='pay_']";
        String invoice = chromium.await(WAIT, "the invoice on the customer's phone", b -> {
            WebElement button = first(b, payButton);
            return button == null ? null : button.getAttribute("data-button-id").substring("pay_".length());
        });

        browser.findElement(By.id("menu-amount")).sendKeys("1800");
        browser.findElement(By.id("menu-account")).sendKeys(invoice.toLowerCase(java.util.Locale.ROOT));
        browser.findElement(By.id("menu-paybill")).click();

        String receipt = "Paid ✔ — Invoice #" + invoice;
        String toCustomer = chromium.await(WAIT, "the receipt on the customer's phone",
                b -> textOf(withText(b, "li.msg[data-pane='customer']", receipt)));
        assertThat(toCustomer).containsPattern("Receipt: SBX[A-Z0-9]{7}");
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoice)).containsExactly("PAID");
    }

    @Test
    void givenACustomerWithoutWhatsApp_whenInvoiced_thenTheInvoiceArrivesBySmsWithThePayLink() {
        Msisdn customer = new Msisdn("25479" + Customers.fresh().value().substring(5));
        WebDriver browser = chromium.driver();
        browser.get(app + "sandbox");
        WebElement number = browser.findElement(By.id("customer-number"));
        number.clear();
        number.sendKeys(customer.value(), Keys.ENTER);

        browser.findElement(By.id("merchant-input")).sendKeys("invoice " + Customers.typed(customer) + " 1200 Gardening");
        browser.findElement(By.id("merchant-send")).click();

        String link = chromium.await(WAIT, "the invoice by SMS, with its pay link", b -> {
            WebElement sms = withText(b, "li.msg[data-pane='customer'][data-channel='sms']", "reply PAY INV-");
            return sms == null ? null : sms.findElement(By.cssSelector("a.pay-link")).getAttribute("href");
        });
        assertThat(link).contains("/pay/");
        chromium.screenshot(SCREENSHOTS.resolve("sandbox-sms-fallback.png"));
    }

    private static WebElement first(WebDriver browser, String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst();
    }

    private static String textOf(WebElement element) {
        return element == null ? null : element.getText();
    }

    private static WebElement withText(WebDriver browser, String css, String text) {
        return browser.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst()
                .orElse(null);
    }
}
