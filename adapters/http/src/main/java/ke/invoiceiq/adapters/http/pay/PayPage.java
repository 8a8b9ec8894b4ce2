package ke.invoiceiq.adapters.http.pay;

import ke.invoiceiq.application.due.DueLines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.invoice.InvoiceMessages;
import ke.invoiceiq.application.payment.PayLinkView;
import ke.invoiceiq.application.payment.PayLinkView.Attempt;
import ke.invoiceiq.application.payment.ReasonWords;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.PayPagePhrases;
import ke.invoiceiq.domain.copy.PaymentPhrases;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.CustomerChatPhrases;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;

/**
 * What the pay page shows, worked out from the invoice, its latest STK attempt and the flag of the last press of
 * the button; the template only lays it out. Merchant-typed text (business name, description) is kept as typed:
 * the template escapes it. Every other word is in the invoice's language ({@link Invoice#language()}): the fixed
 * ones in {@link PayWords}, the sentences from {@link PayPagePhrases} and the payment copy, saying what the chat
 * says. With a Paybill configured, an open invoice also shows how to pay from the M-PESA menu.
 *
 * <p>An open invoice that was partly paid shows its balance as the amount due, with the invoice's total and what
 * was received: the next prompt asks for the balance. Amounts in the sentences are what a press of the button asks
 * for, the balance in whole shillings (as {@link Invoice#requestPayment} asks for it).
 *
 * @param businessName   the merchant's name, as customers see it
 * @param invoiceId      {@code INV-7K3Q9X}
 * @param amountLabel    what the amount is: due, still to pay, paid, or just the amount of a cancelled invoice
 * @param amount         {@code 2,500} (the template puts "KES" before it)
 * @param description    what the invoice is for
 * @param status         the invoice's state in plain words
 * @param statusKind     the same for the style sheet: {@code open}, {@code progress}, {@code paid},
 *                       {@code cancelled}
 * @param notice         the message about the payment, one entry per line; empty for none
 * @param noticeKind     {@code info}, {@code success} or {@code warning}
 * @param receipt        the M-PESA receipt numbers once paid (comma-separated after part payments), otherwise empty
 * @param total          the invoice's amount ({@code 2,500}) when part of it was paid and it is still open, else
 *                       empty
 * @param received       what was paid so far ({@code 1,000}) when part of it was paid and it is still open, else
 *                       empty
 * @param payable        whether the "Pay with M-PESA" form is offered
 * @param payTo          the invoiced number, masked ({@code 2547****5678}): where the prompt goes
 * @param token          the pay token, for the form's action and the links (already validated: URL-safe)
 * @param nonce          this render's form nonce
 * @param refreshSeconds how soon the page reloads itself while a prompt is open; 0 for never
 * @param words          the fixed words, in the invoice's language
 * @param title          the page's title: {@code Invoice INV-7K3Q9X · Mama Njeri's Kiosk}
 * @param heading        {@code Invoice #INV-7K3Q9X}
 * @param hint           under the button: where the prompt goes (and, after a part payment, what it asks for)
 * @param paybillLine    "Or pay by Paybill 123456, account INV-7K3Q9X" for an open invoice when a Paybill is
 *                       configured, else empty
 * @param due            {@code Due: 15 Dec 2026} in the invoice's language while it is open and has a due date, else
 *                       empty
 * @param otherPhone     what was typed in the "pay from another phone" field, kept when it was refused; else empty
 * @param otherPhoneError why the number typed there was refused; empty when it was not
 */
public record PayPage(String businessName, String invoiceId, String amountLabel, String amount, String description,
        String status, String statusKind, List<String> notice, String noticeKind, String receipt, String total,
        String received, boolean payable, String payTo, String token, String nonce, int refreshSeconds,
        PayWords words, String title, String heading, String hint, String paybillLine, String due,
        String otherPhone, String otherPhoneError) {

    /** The form field that names another phone to pay from. */
    static final String OTHER_PHONE_FIELD = "phone";

    /** While a prompt is open the page reloads itself this often (no JavaScript: a meta refresh). */
    static final int REFRESH_SECONDS = 5;

    public PayPage {
        Objects.requireNonNull(businessName, "businessName");
        notice = List.copyOf(notice);
        Objects.requireNonNull(words, "words");
    }

    public boolean hasNotice() {
        return !notice.isEmpty();
    }

    public String payButton() {
        return words.payButton();
    }

    public String otherPhoneLabel() {
        return CashPhrases.OTHER_PHONE_LABEL.in(words.language()).text();
    }

    public String otherPhoneHint() {
        return CashPhrases.OTHER_PHONE_HINT.in(words.language()).with("payTo", payTo).text();
    }

    public String otherPhoneField() {
        return OTHER_PHONE_FIELD;
    }

    /** The same page, with the number typed in the other-phone field refused for {@code why}, kept as typed. */
    PayPage otherPhoneRefused(String typed, String why) {
        return new PayPage(businessName, invoiceId, amountLabel, amount, description, status, statusKind, notice,
                noticeKind, receipt, total, received, payable, payTo, token, nonce, refreshSeconds, words, title,
                heading, hint, paybillLine, due, typed, why);
    }

    static PayPage of(PayLinkView view, PayNotice flag, String businessName, String token, String nonce) {
        return of(view, flag, businessName, Optional.empty(), token, nonce);
    }

    static PayPage of(PayLinkView view, PayNotice flag, String businessName, Optional<String> paybill, String token,
            String nonce) {
        Invoice invoice = view.invoice();
        Instant now = view.asOf();
        InvoiceId id = invoice.id();
        Language language = invoice.language();
        var page = new Builder(businessName, invoice, token, nonce, paybill);
        switch (invoice.status()) {
            case PAID -> page.state(PayPagePhrases.STATE_PAID.text(language), "paid")
                    .notice("success", InvoiceMessages.receipt(language, id, invoice.amount(), invoice.receipt()))
                    .receipt(invoice.receipts().stream().map(MpesaReceipt::value).collect(Collectors.joining(", ")));
            case CANCELLED -> page.state(PayPagePhrases.STATE_CANCELLED.text(language), "cancelled")
                    .notice("warning", InvoiceMessages.cancelled(language, id, invoice.amount()));
            case PENDING, SENT, FAILED -> payable(page, view.attempt(), flag, invoice, now);
        }
        return page.build();
    }

    /** What a press of the button asks for: the balance, in whole shillings. */
    static Amount due(Invoice invoice) {
        return Amount.ofShillings(Math.max(1, (invoice.balance().cents() + 99) / 100));
    }

    /** "Received KES 1,000 — KES 1,500 still to pay." (by M-PESA and outside it) */
    static String partPaid(Invoice invoice) {
        return PayPagePhrases.PART_PAID.in(invoice.language()).with("paid", invoice.settled().formatted())
                .with("balance", invoice.balance().formatted()).text();
    }

    private static void payable(Builder page, Attempt attempt, PayNotice flag, Invoice invoice, Instant now) {
        InvoiceId id = invoice.id();
        Amount due = due(invoice);
        Language language = invoice.language();
        boolean partPaid = !invoice.settled().isZero();
        if (partPaid) {
            page.receipt(invoice.receipts().stream().map(MpesaReceipt::value).collect(Collectors.joining(", ")));
        }
        switch (attempt) {
            case Attempt.InFlight inFlight -> page.state(PayPagePhrases.STATE_WAITING.text(language), "progress")
                    .notice("info", otherPayer(invoice)
                            .map(payer -> CashPhrases.PROMPT_SENT_TO_OTHER.in(language).with("amount",
                                    due.formatted()).with("id", id.value()).with("payer", payer.masked()).text())
                            .orElseGet(() -> (flag == PayNotice.SENT
                                    ? CustomerChatPhrases.CHECK_YOUR_PHONE : CustomerChatPhrases.PROMPT_ALREADY_SENT)
                                    .in(language).with("id", id.value()).with("amount", due.formatted()).text()))
                    .refresh();
            // the latest attempt moved money and the invoice is still open: that payment left a balance
            case Attempt.Succeeded succeeded -> {
                page.state(PayPagePhrases.STATE_PART_PAID.text(language), "open").payable();
                if (!flagged(page, flag, id, due, language)) {
                    page.notice("info", partPaid(invoice) + "\n" + PayPagePhrases.PAY_THE_REST.text(language));
                }
            }
            case Attempt.Failed failed -> {
                page.state((partPaid ? PayPagePhrases.STATE_PART_PAID : PayPagePhrases.STATE_AWAITING)
                        .text(language), "open").payable();
                if (!flagged(page, flag, id, due, language)) {
                    page.notice("warning", failure(failed, id, due, now, language));
                }
            }
            case Attempt.None none -> {
                page.state(PayPagePhrases.STATE_AWAITING.text(language), "open").payable();
                if (!flagged(page, flag, id, due, language) && partPaid) {
                    page.notice("info", partPaid(invoice));
                }
            }
        }
    }

    /** The number the open prompt went to, when it is not the invoiced one (the link holder chose another). */
    private static Optional<Msisdn> otherPayer(Invoice invoice) {
        return invoice.attemptInFlight().map(Payment::payer)
                .filter(payer -> !payer.equals(invoice.customer().msisdn()));
    }

    /**
     * Why the last attempt ended without money, and when to press again. An attempt M-PESA never answered about
     * ({@link StkReason#NO_ANSWER}) did not necessarily fail: its own sentence says not to pay again if the money
     * left the account. A reason that asks for a pause names the minutes left, or, once they are over, says the
     * button can be pressed again.
     */
    private static String failure(Attempt.Failed failed, InvoiceId id, Amount due, Instant now, Language language) {
        StkReason reason = failed.reason();
        Duration defaultCooldown = PaymentAttemptPolicy.DEFAULT.cooldown();
        if (reason == StkReason.NO_ANSWER) {
            return ReasonWords.customerSentence(reason, defaultCooldown, language) + "\n"
                    + PayPagePhrases.INVOICE_AND_AMOUNT.in(language).with("id", id.value())
                            .with("amount", due.formatted()).text();
        }
        Optional<Instant> waitUntil = failed.tryAgainAt().filter(at -> at.isAfter(now));
        if (reason.retry() == StkReason.Retry.AT_ONCE) {
            String text = failedToCustomer(id, due, ReasonWords.customerSentence(reason, defaultCooldown, language),
                    language);
            return waitUntil.map(at -> text + "\n" + PayPagePhrases.TRY_AGAIN_LATER.in(language)
                            .with("wait", ReasonWords.minutes(Duration.between(now, at), language))
                            .with("id", id.value()).with("amount", due.formatted()).text())
                    .orElse(text);
        }
        String sentence = waitUntil
                .map(at -> ReasonWords.customerSentence(reason, Duration.between(now, at), language))
                .orElseGet(() -> PayPagePhrases.TAP_AGAIN_NOW.in(language)
                        .with("reason", capitalised(ReasonWords.plainReason(reason, language))).text());
        return failedToCustomer(id, due, sentence, language);
    }

    private static String failedToCustomer(InvoiceId id, Amount due, String sentence, Language language) {
        return PaymentPhrases.FAILED_TO_CUSTOMER.in(language).with("id", id.value()).with("amount", due.formatted())
                .with("sentence", sentence).text();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The words for a press M-PESA turned away before any prompt; false when the flag adds nothing. */
    private static boolean flagged(Builder page, PayNotice flag, InvoiceId id, Amount amount, Language language) {
        switch (flag) {
            case BUSY -> page.notice("warning", CustomerChatPhrases.PAYER_BUSY.in(language).with("id", id.value())
                    .with("amount", amount.formatted()).text());
            case UNAVAILABLE -> page.notice("warning", CustomerChatPhrases.MPESA_UNAVAILABLE.in(language)
                    .with("id", id.value()).with("amount", amount.formatted()).text());
            case AGAIN -> page.notice("warning", PayPagePhrases.NOT_MATCHED.in(language).with("id", id.value())
                    .text());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whole minutes, rounded up, at least 1: "wait about 2 minutes". */
    static long minutesUntil(Instant until, Instant now) {
        long seconds = Math.max(0, Duration.between(now, until).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }

    private static final class Builder {
        private final String businessName;
        private final Invoice invoice;
        private final String token;
        private final String nonce;
        private String status = "";
        private String statusKind = "";
        private final List<String> notice = new ArrayList<>();
        private String noticeKind = "info";
        private String receipt = "";
        private boolean payable;
        private int refreshSeconds;
        private final Optional<String> paybill;

        Builder(String businessName, Invoice invoice, String token, String nonce, Optional<String> paybill) {
            this.businessName = businessName;
            this.invoice = invoice;
            this.token = token;
            this.nonce = nonce;
            this.paybill = paybill;
        }

        Builder state(String words, String kind) {
            status = words;
            statusKind = kind;
            return this;
        }

        Builder notice(String kind, String text) {
            noticeKind = kind;
            notice.clear();
            notice.addAll(text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
            return this;
        }

        Builder receipt(String value) {
            receipt = value;
            return this;
        }

        Builder payable() {
            payable = true;
            return this;
        }

        Builder refresh() {
            refreshSeconds = REFRESH_SECONDS;
            return this;
        }

        PayPage build() {
            boolean open = invoice.isPayable();
            boolean partPaid = open && !invoice.settled().isZero();
            Language language = invoice.language();
            String amountLabel = (switch (invoice.status()) {
                case PAID -> PayPagePhrases.AMOUNT_PAID;
                case CANCELLED -> PayPagePhrases.AMOUNT;
                case PENDING, SENT, FAILED -> partPaid ? PayPagePhrases.STILL_TO_PAY : PayPagePhrases.AMOUNT_DUE;
            }).text(language);
            String amount = partPaid ? invoice.balance().formatted() : invoice.amount().formatted();
            String id = invoice.id().value();
            String payTo = invoice.customer().msisdn().masked();
            String hint = partPaid
                    ? PayPagePhrases.HINT_BALANCE.in(language).with("amount", amount).with("payTo", payTo).text()
                    : PayPagePhrases.HINT.in(language).with("payTo", payTo).text();
            String paybillLine = open
                    ? InvoiceMessages.paybillLine(paybill, invoice.id(), language).orElse("") : "";
            return new PayPage(businessName, id, amountLabel, amount,
                    invoice.description().value(), status, statusKind, notice, noticeKind, receipt,
                    partPaid ? invoice.amount().formatted() : "", partPaid ? invoice.settled().formatted() : "",
                    payable, payTo, token, nonce, refreshSeconds, new PayWords(language),
                    PayPagePhrases.TITLE.in(language).with("id", id).with("business", businessName).text(),
                    PayPagePhrases.INVOICE_NUMBER.in(language).with("id", id).text(), hint, paybillLine,
                    open ? DueLines.forCustomer(invoice).orElse("") : "", "", "");
        }
    }
}
