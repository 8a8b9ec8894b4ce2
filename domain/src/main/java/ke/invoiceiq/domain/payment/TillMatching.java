package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;

/**
 * Which open invoice a payment with no usable account number (a Till payment, or a Paybill account that names no
 * invoice) is for, by amount and time alone: the payer's number cannot help, Safaricom masks it in C2B callbacks.
 * An invoice fits when it can still be paid, it reached the customer ({@code sentAt}) before the money moved and
 * no longer than {@code window} before, and its balance is exactly the amount paid. Only when <b>exactly one</b>
 * fits is the payment its; none or several is a guess, and a guess with someone's money is left to the merchant
 * (an unmatched payment). A pure rule.
 *
 * @param window how long after the invoice reached the customer a payment may still be matched to it
 */
public record TillMatching(Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    /** How far a Daraja timestamp may run ahead of our clock when the invoice went out the same minute. */
    static final Duration SKEW = Duration.ofMinutes(2);

    public TillMatching {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** The one invoice among {@code open} that {@code amount}, paid at {@code paidAt}, fits; else empty. */
    public Optional<Invoice> single(List<Invoice> open, Money amount, Instant paidAt) {
        List<Invoice> fitting = open.stream().filter(invoice -> fits(invoice, amount, paidAt)).limit(2).toList();
        return fitting.size() == 1 ? Optional.of(fitting.getFirst()) : Optional.empty();
    }

    /** Whether {@code invoice} is a candidate for {@code amount} paid at {@code paidAt}. */
    public boolean fits(Invoice invoice, Money amount, Instant paidAt) {
        if (!invoice.isPayable() || invoice.sentAt().isEmpty()) {
            return false;
        }
        Instant sent = invoice.sentAt().get();
        return !sent.isAfter(paidAt.plus(SKEW)) && !sent.isBefore(paidAt.minus(window))
                && invoice.balance().equals(amount);
    }
}
