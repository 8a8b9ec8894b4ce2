package ke.invoiceiq.adapters.http.pay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.application.payment.PayLinkView;
import ke.invoiceiq.application.payment.PayLinkView.Attempt;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;

/**
 * What the pay page shows, worked out from the invoice, its latest STK attempt and the flag of the last press of
 * the button; the template only lays it out. Merchant-typed text (business name, description) is kept as typed:
 * the template escapes it. The sentences are the bot's ({@link BotCopy}, {@link StkReason}), so the chat and the
 * page say the same.
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
 * @param otherPhone     what was typed in the "pay from another phone" field, kept when it was refused; else empty
 * @param otherPhoneError why the number typed there was refused; empty when it was not
 */
public record PayPage(String businessName, String invoiceId, String amountLabel, String amount, String description,
        String status, String statusKind, List<String> notice, String noticeKind, String receipt, String total,
        String received, boolean payable, String payTo, String token, String nonce, int refreshSeconds,
        String otherPhone, String otherPhoneError) {

    /** The language of the "pay from another phone" words, until the reader's language is known here. */
    static final Language PAGE_LANGUAGE = Language.EN;

    /** The form field that names another phone to pay from. */
    static final String OTHER_PHONE_FIELD = "phone";

    /** While a prompt is open the page reloads itself this often (no JavaScript: a meta refresh). */
    static final int REFRESH_SECONDS = 5;

    static final String PAY_BUTTON = "Pay with M-PESA";

    public PayPage {
        Objects.requireNonNull(businessName, "businessName");
        notice = List.copyOf(notice);
    }

    public boolean hasNotice() {
        return !notice.isEmpty();
    }

    public String payButton() {
        return PAY_BUTTON;
    }

    public String otherPhoneLabel() {
        return CashPhrases.OTHER_PHONE_LABEL.in(PAGE_LANGUAGE).text();
    }

    public String otherPhoneHint() {
        return CashPhrases.OTHER_PHONE_HINT.in(PAGE_LANGUAGE).with("payTo", payTo).text();
    }

    public String otherPhoneField() {
        return OTHER_PHONE_FIELD;
    }

    /** The same page, with the number typed in the other-phone field refused for {@code why}, kept as typed. */
    PayPage otherPhoneRefused(String typed, String why) {
        return new PayPage(businessName, invoiceId, amountLabel, amount, description, status, statusKind, notice,
                noticeKind, receipt, total, received, payable, payTo, token, nonce, refreshSeconds, typed, why);
    }

    static PayPage of(PayLinkView view, PayNotice flag, String businessName, String token, String nonce) {
        Invoice invoice = view.invoice();
        Instant now = view.asOf();
        InvoiceId id = invoice.id();
        var page = new Builder(businessName, invoice, token, nonce);
        switch (invoice.status()) {
            case PAID -> page.state("Paid", "paid")
                    .notice("success", BotCopy.receipt(id, invoice.amount(), invoice.receipt()))
                    .receipt(invoice.receipts().stream().map(MpesaReceipt::value).collect(Collectors.joining(", ")));
            case CANCELLED -> page.state("Cancelled", "cancelled")
                    .notice("warning", BotCopy.invoiceCancelled(id, invoice.amount()));
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
        return "Received " + invoice.settled().display() + " — " + invoice.balance().display() + " still to pay.";
    }

    private static void payable(Builder page, Attempt attempt, PayNotice flag, Invoice invoice, Instant now) {
        InvoiceId id = invoice.id();
        Amount due = due(invoice);
        boolean partPaid = !invoice.settled().isZero();
        if (partPaid) {
            page.receipt(invoice.receipts().stream().map(MpesaReceipt::value).collect(Collectors.joining(", ")));
        }
        switch (attempt) {
            case Attempt.InFlight inFlight -> page.state("Waiting for your M-PESA PIN", "progress")
                    .notice("info", otherPayer(invoice)
                            .map(payer -> CashPhrases.PROMPT_SENT_TO_OTHER.in(PAGE_LANGUAGE).with("amount",
                                    due.formatted()).with("id", id.value()).with("payer", payer.masked()).text())
                            .orElseGet(() -> flag == PayNotice.SENT
                                    ? BotCopy.checkYourPhone(id, due)
                                    : BotCopy.promptAlreadySent(id, due)))
                    .refresh();
            // the latest attempt moved money and the invoice is still open: that payment left a balance
            case Attempt.Succeeded succeeded -> {
                page.state("Part paid", "open").payable();
                if (!flagged(page, flag, id, due)) {
                    page.notice("info", partPaid(invoice) + "\nTap Pay with M-PESA to pay the rest.");
                }
            }
            case Attempt.Failed failed -> {
                page.state(partPaid ? "Part paid" : "Awaiting payment", "open").payable();
                if (!flagged(page, flag, id, due)) {
                    page.notice("warning", failure(failed, id, due, now));
                }
            }
            case Attempt.None none -> {
                page.state("Awaiting payment", "open").payable();
                if (!flagged(page, flag, id, due) && partPaid) {
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
    private static String failure(Attempt.Failed failed, InvoiceId id, Amount due, Instant now) {
        StkReason reason = failed.reason();
        if (reason == StkReason.NO_ANSWER) {
            return reason.customerSentence() + "\n(Invoice #" + id.value() + ", KES " + due.formatted() + ")";
        }
        Optional<Instant> waitUntil = failed.tryAgainAt().filter(at -> at.isAfter(now));
        if (reason.retry() == StkReason.Retry.AT_ONCE) {
            String text = BotCopy.paymentFailedToCustomer(id, due, reason.customerSentence());
            return waitUntil.map(at -> text + "\n" + BotCopy.tryAgainLater(id, due, minutesUntil(at, now)))
                    .orElse(text);
        }
        String sentence = waitUntil
                .map(at -> reason.customerSentence(Duration.between(now, at)))
                .orElseGet(() -> capitalised(reason.plainReason()) + ". You can tap Pay with M-PESA again now.");
        return BotCopy.paymentFailedToCustomer(id, due, sentence);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The words for a press M-PESA turned away before any prompt; false when the flag adds nothing. */
    private static boolean flagged(Builder page, PayNotice flag, InvoiceId id, Amount amount) {
        switch (flag) {
            case BUSY -> page.notice("warning", "Your phone already has an M-PESA prompt open. Finish or cancel it,"
                    + " then tap Pay with M-PESA again. (Invoice #" + id.value() + ", KES " + amount.formatted() + ")");
            case UNAVAILABLE -> page.notice("warning", BotCopy.mpesaUnavailable(id, amount));
            case AGAIN -> page.notice("warning", "Sorry, that request could not be matched to Invoice #" + id.value()
                    + ".\nPlease tap Pay with M-PESA again.");
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

        Builder(String businessName, Invoice invoice, String token, String nonce) {
            this.businessName = businessName;
            this.invoice = invoice;
            this.token = token;
            this.nonce = nonce;
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
            String amountLabel = switch (invoice.status()) {
                case PAID -> "Amount paid";
                case CANCELLED -> "Amount";
                case PENDING, SENT, FAILED -> partPaid ? "Still to pay" : "Amount due";
            };
            String amount = partPaid ? invoice.balance().formatted() : invoice.amount().formatted();
            return new PayPage(businessName, invoice.id().value(), amountLabel, amount,
                    invoice.description().value(), status, statusKind, notice, noticeKind, receipt,
                    partPaid ? invoice.amount().formatted() : "", partPaid ? invoice.settled().formatted() : "",
                    payable, invoice.customer().msisdn().masked(), token, nonce, refreshSeconds, "", "");
        }
    }
}
