package ke.invoiceiq.adapters.http.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.application.payment.PayLinkView;
import ke.invoiceiq.application.payment.PayLinkView.Attempt;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;

/** What the page says in the states the HTTP tests do not reach easily; the words are the bot's. */
class PayPageTest {

    private static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");
    private static final PayToken TOKEN = new PayToken("q7Zk3vN0aR5tY8wB2cD4eF6gH");
    private static final Invoice SENT = Invoice.issue(new InvoiceId("INV-7K3Q9X"),
                    Customer.of(new Msisdn("254712345678")), Amount.ofShillings(1_200),
                    new Description("Sukuma and eggs"), TOKEN, NOW.minus(Duration.ofHours(1)))
            .sendAccepted(Channel.SMS, NOW.minus(Duration.ofHours(1))).invoice();

    private static PayPage page(Attempt attempt, PayNotice flag) {
        return PayPage.of(new PayLinkView(SENT, attempt, NOW), flag, "Mama Njeri's Kiosk", TOKEN.value(), "n".repeat(24));
    }

    @Test
    void aPromptOpenedElsewhereSaysItWasAlreadySentAndReloads() {
        PayPage page = page(new Attempt.InFlight(NOW.minusSeconds(20)), PayNotice.NONE);

        assertThat(page.notice()).containsExactly(
                "Payment request already sent! Check your phone for the M-PESA prompt. (Invoice #INV-7K3Q9X, KES 1,200)");
        assertThat(page.payable()).isFalse();
        assertThat(page.refreshSeconds()).isEqualTo(PayPage.REFRESH_SECONDS);
        assertThat(page.amountLabel()).isEqualTo("Amount due");
    }

    @Test
    void aPartPaymentShowsTheBalanceAsDueWithTheTotalAndWhatWasReceived() {
        Invoice partPaid = TestPayments.paid(SENT, 400, "part", NOW.minusSeconds(60));
        PayPage page = PayPage.of(new PayLinkView(partPaid,
                new Attempt.Succeeded(partPaid.receipt()), NOW), PayNotice.NONE, "Mama Njeri's Kiosk", TOKEN.value(),
                "n".repeat(24));

        assertThat(page.amountLabel()).isEqualTo("Still to pay");
        assertThat(page.amount()).isEqualTo("800");
        assertThat(page.total()).isEqualTo("1,200");
        assertThat(page.received()).isEqualTo("400");
        assertThat(page.notice()).containsExactly("Received KES 400 — KES 800 still to pay.",
                "Tap Pay with M-PESA to pay the rest.");
        assertThat(page.payable()).isTrue();
        assertThat(page.refreshSeconds()).isZero();
    }

    @Test
    void nothingPaidShowsNoTotalNorReceived() {
        PayPage page = page(new Attempt.None(), PayNotice.NONE);

        assertThat(page.total()).isEmpty();
        assertThat(page.received()).isEmpty();
        assertThat(page.amount()).isEqualTo("1,200");
    }

    @Test
    void anAttemptMpesaNeverAnsweredSaysNotToPayAgainIfTheMoneyLeftAndKeepsTheButton() {
        PayPage page = page(new Attempt.Failed(StkReason.NO_ANSWER, Optional.empty()), PayNotice.NONE);

        assertThat(page.notice()).containsExactly(StkReason.NO_ANSWER.customerSentence(),
                "(Invoice #INV-7K3Q9X, KES 1,200)");
        assertThat(page.notice().getFirst()).contains("If the money left your account, do not pay again.");
        assertThat(page.payable()).isTrue();
    }

    @Test
    void anExpiredPromptAfterTheCooldownOffersTheButtonWithTheReason() {
        PayPage page = page(new Attempt.Failed(StkReason.EXPIRED, Optional.empty()), PayNotice.NONE);

        assertThat(page.notice()).containsExactly(
                "Payment for Invoice #INV-7K3Q9X (KES 1,200) did not go through.",
                "The M-PESA prompt expired. Tap Pay with M-PESA to get a new one.");
        assertThat(page.payable()).isTrue();
        assertThat(page.noticeKind()).isEqualTo("warning");
    }

    @Test
    void theCooldownIsCountedInWholeMinutesRoundedUp() {
        PayPage page = page(new Attempt.Failed(StkReason.WRONG_PIN, Optional.of(NOW.plusSeconds(61))), PayNotice.WAIT);

        assertThat(page.notice()).last().asString()
                .isEqualTo("Please wait about 2 minutes, then tap Pay with M-PESA again. (Invoice #INV-7K3Q9X, KES 1,200)");
        assertThat(PayPage.minutesUntil(NOW.plusSeconds(30), NOW)).isEqualTo(1);
        assertThat(PayPage.minutesUntil(NOW.minusSeconds(30), NOW)).isEqualTo(1);
    }

    @Test
    void aFlagOnlyWordsThePageItNeverOpensTheButton() {
        PayPage page = page(new Attempt.InFlight(NOW), PayNotice.BUSY);

        assertThat(page.payable()).isFalse();
        assertThat(page.notice().getFirst()).startsWith("Payment request already sent!");
    }

    private static final Invoice SENT_IN_SWAHILI = Invoice.issue(new InvoiceId("INV-7K3Q9X"),
                    Customer.of(new Msisdn("254712345678")), Amount.ofShillings(1_200),
                    new Description("Sukuma and eggs"), TOKEN, NOW.minus(Duration.ofHours(1)), Optional.empty(),
                    Language.SW)
            .sendAccepted(Channel.SMS, NOW.minus(Duration.ofHours(1))).invoice();

    @Test
    void aSwahiliInvoiceIsShownInSwahiliWithItsNumberAndAmount() {
        PayPage page = PayPage.of(new PayLinkView(SENT_IN_SWAHILI, new Attempt.InFlight(NOW.minusSeconds(20)), NOW),
                PayNotice.SENT, "Mama Njeri's Kiosk", TOKEN.value(), "n".repeat(24));

        assertThat(page.words().lang()).isEqualTo("sw");
        assertThat(page.title()).isEqualTo("Ankara INV-7K3Q9X · Mama Njeri's Kiosk");
        assertThat(page.heading()).isEqualTo("Ankara #INV-7K3Q9X");
        assertThat(page.amountLabel()).isEqualTo("Kiasi cha kulipa");
        assertThat(page.status()).isEqualTo("Tunasubiri PIN yako ya M-PESA");
        assertThat(page.notice()).containsExactly(
                "Angalia simu yako, ombi la malipo la M-PESA linakuja! (Ankara #INV-7K3Q9X, KES 1,200)",
                "Utapokea risiti malipo yakikamilika.");
        assertThat(page.payButton()).isEqualTo("Lipa kwa M-PESA");
    }

    @Test
    void aSwahiliInvoiceWhosePromptWasCancelledSaysWhyAndWhenInSwahili() {
        PayPage page = PayPage.of(new PayLinkView(SENT_IN_SWAHILI, new Attempt.Failed(StkReason.CANCELLED_BY_USER,
                        Optional.of(NOW.plusSeconds(90))), NOW), PayNotice.NONE, "Mama Njeri's Kiosk", TOKEN.value(),
                "n".repeat(24));

        assertThat(page.notice()).containsExactly("Malipo ya Ankara #INV-7K3Q9X (KES 1,200) hayakufaulu.",
                "Ulisitisha ombi la M-PESA. Ukiwa tayari, bonyeza Lipa kwa M-PESA tena baada ya dakika 2.");
        assertThat(page.status()).isEqualTo("Inasubiri malipo");
    }

    @Test
    void aPaybillIsOfferedOnAnOpenInvoiceInItsLanguageAndNeverOnAPaidOne() {
        var paybill = Optional.of("123456");

        PayPage english = PayPage.of(new PayLinkView(SENT, new Attempt.None(), NOW), PayNotice.NONE,
                "Mama Njeri's Kiosk", paybill, TOKEN.value(), "n".repeat(24));
        PayPage swahili = PayPage.of(new PayLinkView(SENT_IN_SWAHILI, new Attempt.None(), NOW), PayNotice.NONE,
                "Mama Njeri's Kiosk", paybill, TOKEN.value(), "n".repeat(24));
        Invoice paid = TestPayments.paid(SENT, 1_200, "all", NOW.minusSeconds(60));
        PayPage done = PayPage.of(new PayLinkView(paid, new Attempt.Succeeded(paid.receipt()), NOW),
                PayNotice.NONE, "Mama Njeri's Kiosk", paybill, TOKEN.value(), "n".repeat(24));

        assertThat(english.paybillLine()).isEqualTo("Or pay by Paybill 123456, account INV-7K3Q9X");
        assertThat(swahili.paybillLine()).isEqualTo("Au lipa kwa Paybill 123456, akaunti INV-7K3Q9X");
        assertThat(done.paybillLine()).isEmpty();
        assertThat(page(new Attempt.None(), PayNotice.NONE).paybillLine()).as("no Paybill configured").isEmpty();
    }
}
