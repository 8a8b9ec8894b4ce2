package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.postStkCallback;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.receipt;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkFailure;
import static ke.invoiceiq.bootstrap.testing.ProviderTraffic.stkSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import ke.invoiceiq.bootstrap.endtoend.Conversation.Received;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.ProviderTraffic;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * The product specification's acceptance list, the criteria a merchant and a customer live through on WhatsApp,
 * M-PESA and SMS; each test is one criterion, named by its number. Everything goes through the real endpoints (the
 * signed WhatsApp webhook, the STK callback, the SMS callbacks) into the running service on the real PostgreSQL,
 * and what people receive is read back from the WireMocks standing in for Meta, Safaricom and Africa's Talking. The
 * REST criteria are in {@code RestAcceptanceTest}.
 *
 * <p>The database is shared with the other test classes: every case uses customer numbers no other test uses.
 */
@QuarkusTest
@TestProfile(AcceptanceProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class ChatAndPaymentAcceptanceTest extends AcceptanceBase {

    /** 1. One-line invoice: PENDING → SENT, the customer gets Pay with M-PESA, the merchant Send reminder / Cancel. */
    @Test
    void criterion01_oneLineInvoice() {
        Msisdn customer = Customers.fresh();

        chat.says(MERCHANT, "invoice " + Customers.typed(customer) + " 2500 Cleaning (Wed 3pm)");

        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(chat.status(invoice)).isEqualTo("PENDING");
        assertThat(db.column("SELECT amount_cents || ' ' || description FROM invoices WHERE id = ?", invoice))
                .containsExactly("250000 Cleaning (Wed 3pm)");

        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("SENT");
        assertThat(chat.whatsAppTo(customer)).singleElement().satisfies(message -> {
            assertThat(message.text()).contains("Invoice #" + invoice).contains("KES 2,500")
                    .contains("Cleaning (Wed 3pm)");
            assertThat(message.buttons()).containsExactly("pay_" + invoice, "view_" + invoice);
        });
        Received confirmation = chat.lastWhatsAppTo(MERCHANT);
        assertThat(confirmation.text()).contains("Invoice #" + invoice).contains("sent to " + customer.value());
        assertThat(confirmation.buttons()).containsExactly("remind_" + invoice, "cancel_" + invoice);
    }

    /** 2. Guided flow: every validation error on the way, a Skip, an Edit at confirm, then Send. */
    @Test
    void criterion02_guidedFlowWithErrorsSkipAndEdit() {
        Msisdn customer = Customers.fresh();

        step("invoice", "What is the customer's phone number?");
        step("0712", Msisdn.EXPECTED);
        step("hello", "Invalid phone.");
        step(Customers.typed(customer), "Customer name? (Optional)");
        tap("skip", "Amount in KES?");
        step("abc", "Invalid amount.");
        step("0", "Invalid amount.");
        step("12.50", "Invalid amount.");
        step("1500", "Short description of the invoice (3–120 chars).");
        step("ab", "Please enter 3–120 characters.");
        step("x".repeat(121), "Please enter 3–120 characters.");
        Received dueStep = step("Deep cleaning", "When is it due?");
        assertThat(dueStep.buttons()).containsExactly("skip", "cancel");
        step("due 31 Feb 2027", "Invalid due date.");
        Received preview = step("in 5 days", "Review invoice:");
        assertThat(preview.text()).contains("• Due: " + ke.invoiceiq.domain.due.DueDates.format(
                ke.invoiceiq.domain.due.DueDates.today(clock.instant()).plusDays(5),
                ke.invoiceiq.domain.copy.Language.EN));
        assertThat(preview.text()).contains("KES 1,500").contains("Deep cleaning").contains(customer.value());
        assertThat(preview.buttons()).containsExactly("send", "edit", "cancel");
        tap("edit", "What would you like to change?");
        tap("edit_amount", "Amount in KES?");
        Received edited = step("1800", "Review invoice:");
        assertThat(edited.text()).contains("KES 1,800").contains("Deep cleaning");
        assertThat(chat.invoicesOf(customer)).as("nothing is created before Send").isEmpty();

        chat.taps(MERCHANT, "send");
        chat.dispatch();

        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(db.column("SELECT amount_cents || ' ' || description || ' ' || coalesce(customer_name, '-')"
                + " FROM invoices WHERE id = ?", invoice)).containsExactly("180000 Deep cleaning -");
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        assertThat(chat.lastWhatsAppTo(customer).buttons()).contains("pay_" + invoice);
    }

    /** 3. Pay → STK → success callback → PAID → receipt to customer and merchant, in the specification's words. */
    @Test
    void criterion03_payAndReceipt() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Cleaning");

        chat.taps(customer, "pay_" + invoice);

        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(customer).text()).startsWith("Check your phone for the M-PESA payment prompt!")
                .contains(invoice);
        String receipt = receipt();
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(chat.checkoutInFlight(invoice), "2500", receipt, customer))).isEqualTo(200);

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        chat.dispatch();
        String expected = "Paid ✔ — Invoice #" + invoice + " (KES 2,500)\nReceipt: " + receipt;
        assertThat(chat.lastWhatsAppTo(customer).text()).startsWith(expected);
        assertThat(chat.whatsAppTo(MERCHANT)).anySatisfy(m -> assertThat(m.text()).startsWith(expected));
    }

    /** 4. The customer cancels on the phone (1032): both told why, the invoice stays payable, and after the cooldown
     * a second tap raises a new prompt. */
    @Test
    void criterion04_paymentFailureThenRetryAfterCooldown() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "900 Ironing");
        chat.taps(customer, "pay_" + invoice);

        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkFailure(chat.checkoutInFlight(invoice), 1032, "Request cancelled by user"))).isEqualTo(200);
        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("SENT");
        assertThat(chat.paymentStatuses(invoice)).containsExactly("FAILED");
        Received toCustomer = chat.lastWhatsAppTo(customer);
        assertThat(toCustomer.text()).contains("Invoice #" + invoice).contains("did not go through");
        assertThat(chat.whatsAppTo(MERCHANT)).anySatisfy(m -> assertThat(m.text())
                .contains("Invoice #" + invoice).contains("failed: the payment was cancelled on the phone"));

        chat.taps(customer, "pay_" + invoice);
        chat.dispatch();
        assertThat(chat.pushesFor(customer)).as("no second prompt inside the cooldown").isEqualTo(1);
        assertThat(chat.lastWhatsAppTo(customer).text()).contains("Please wait about");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        chat.taps(customer, "pay_" + invoice);

        assertThat(chat.pushesFor(customer)).isEqualTo(2);
        assertThat(chat.paymentStatuses(invoice)).containsExactly("FAILED", "INITIATED");
    }

    /** 5. SMS fallback: WhatsApp 131026 → SMS with the pay link → PAY by SMS → paid, receipt by SMS. */
    @Test
    void criterion05_smsFallbackThenPayBySms() {
        Msisdn customer = Customers.fresh();
        graph.stubFor(post(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer.value())))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131026) Message Undeliverable.","type":"OAuthException",
                         "code":131026,"fbtrace_id":"AbCdEf"}}""")));
        chat.says(MERCHANT, "invoice " + Customers.typed(customer) + " 1200 Gardening");
        String invoice = chat.onlyInvoiceOf(customer);

        chat.dispatch();

        String payToken = db.column("SELECT pay_token FROM invoices WHERE id = ?", invoice).getFirst();
        // no sender id: Africa's Talking's shared alphanumeric sender, which cannot take a reply (docs/sms.md)
        assertThat(chat.smsTo(customer)).singleElement().satisfies(text -> assertThat(text)
                .contains(invoice).contains("/pay/" + payToken).doesNotContain("reply PAY"));
        assertThat(db.column("SELECT status || ' ' || delivery_channel FROM invoices WHERE id = ?", invoice))
                .containsExactly("SENT SMS");

        chat.texts(customer, "pay " + invoice);

        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        String receipt = receipt();
        assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(chat.checkoutInFlight(invoice), "1200", receipt, customer))).isEqualTo(200);
        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(chat.smsTo(customer).getLast()).contains(invoice).contains(receipt);
    }

    /** 6 (chat and M-PESA): the same tap delivered twice, taps in a row and repeated callbacks → one STK, one PAID. */
    @Test
    void criterion06_duplicateTapsAndCallbacks() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "700 Repairs");
        String tap = ProviderTraffic.whatsAppTap(GraphApiWireMock.PHONE_ID, customer, ProviderTraffic.newWamid(),
                "pay_" + invoice, "Pay with M-PESA");

        chat.deliver(tap);
        chat.deliver(tap);
        chat.taps(customer, "pay_" + invoice);
        chat.taps(customer, "pay_" + invoice);

        assertThat(chat.pushesFor(customer)).isEqualTo(1);
        String callback = stkSuccess(chat.checkoutInFlight(invoice), "700", receipt(), customer);
        for (int i = 0; i < 3; i++) {
            assertThat(postStkCallback(DarajaWireMock.CALLBACK_TOKEN, callback)).isEqualTo(200);
        }
        chat.dispatch();

        assertThat(chat.status(invoice)).isEqualTo("PAID");
        assertThat(chat.paymentStatuses(invoice)).containsExactly("SUCCESS");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE invoice_id = ? AND purpose = 'RECEIPT'", invoice))
                .as("one receipt to the customer").isEqualTo(1);
        assertThat(chat.whatsAppTo(MERCHANT).stream().filter(m -> m.text().startsWith("Paid ✔ — Invoice #" + invoice)))
                .as("one receipt to the merchant").hasSize(1);
    }

    /** 8 (chat): invalid phone, amount and description in the one-line command → a clear answer, no invoice. */
    @Test
    void criterion08_invalidInputsOverChat() {
        Msisdn customer = Customers.fresh();
        String typed = Customers.typed(customer);

        List<String[]> cases = List.of(
                new String[] {"invoice 0712 2500 Cleaning", "Invalid phone"},
                new String[] {"invoice +255712345678 2500 Cleaning", "Invalid phone"},
                new String[] {"invoice " + typed + " abc Cleaning", "Invalid amount"},
                new String[] {"invoice " + typed + " 0 Cleaning", "Invalid amount"},
                new String[] {"invoice " + typed + " 250001 Cleaning", "amount"},
                new String[] {"invoice " + typed + " 2500 ab", "3–120 characters"});
        for (String[] c : cases) {
            chat.says(MERCHANT, c[0]);
            chat.dispatch();
            assertThat(chat.lastWhatsAppTo(MERCHANT).text()).as(c[0]).containsIgnoringCase(c[1]);
        }

        assertThat(chat.invoicesOf(customer)).isEmpty();
    }

    /** 9 (chat): remind and cancel, with cancel refused while a prompt is in flight and once PAID. */
    @Test
    void criterion09_remindAndCancelOverChat() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "1500 Tailoring");

        chat.says(MERCHANT, "remind " + invoice);
        chat.dispatch();
        assertThat(db.column("SELECT reminder_count::text FROM invoices WHERE id = ?", invoice)).containsExactly("1");
        assertThat(chat.lastWhatsAppTo(customer).text()).startsWith("Reminder: ");

        chat.taps(customer, "pay_" + invoice);
        chat.says(MERCHANT, "cancel " + invoice);
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(MERCHANT).text()).contains("was not cancelled: a payment is in progress");
        assertThat(chat.status(invoice)).isEqualTo("SENT");

        postStkCallback(DarajaWireMock.CALLBACK_TOKEN,
                stkSuccess(chat.checkoutInFlight(invoice), "1500", receipt(), customer));
        chat.taps(MERCHANT, "cancel_" + invoice);
        chat.dispatch();
        assertThat(chat.lastWhatsAppTo(MERCHANT).text()).contains("was not cancelled: it is already paid");
        assertThat(chat.status(invoice)).isEqualTo("PAID");

        Msisdn other = Customers.fresh();
        String open = sentInvoice(other, "600 Delivery");
        chat.says(MERCHANT, "cancel " + open);
        chat.dispatch();
        assertThat(chat.status(open)).isEqualTo("CANCELLED");
        assertThat(chat.lastWhatsAppTo(MERCHANT).text()).contains("Invoice #" + open).contains("is cancelled");
        assertThat(chat.lastWhatsAppTo(other).text()).contains("was cancelled by the merchant");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A one-line invoice to {@code customer}, delivered on WhatsApp; its id. */
    private Received tap(String buttonId, String expected) {
        chat.taps(MERCHANT, buttonId);
        chat.dispatch();
        Received answer = chat.lastWhatsAppTo(MERCHANT);
        assertThat(answer.text()).as("answer to the %s button", buttonId).contains(expected);
        return answer;
    }
}
