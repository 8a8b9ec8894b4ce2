package ke.invoiceiq.application.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.payment.PayLinkView.Attempt;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.AttemptDecision;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Reads an invoice by its pay token and its STK attempts in one unit of work, and says where the payment stands
 * with the {@link PaymentAttemptPolicy} that {@link RequestPaymentService} applies, so the page offers the Pay
 * button exactly when a request could start a push (or would be told to wait out the cooldown). Changes nothing.
 */
public final class ViewPayLinkService implements ViewPayLinkUseCase {

    private final InvoiceRepository invoices;
    private final Transactions transactions;
    private final Clock clock;
    private final PaymentAttemptPolicy policy;

    public ViewPayLinkService(InvoiceRepository invoices, Transactions transactions,
            Clock clock, PaymentSettings settings) {
        this.invoices = invoices;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = settings.policy();
    }

    @Override
    public Optional<PayLinkView> view(PayToken token) {
        Objects.requireNonNull(token, "token");
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return invoices.findByPayToken(token).map(invoice -> new PayLinkView(invoice, attempt(invoice, now), now));
        });
    }

    private Attempt attempt(Invoice invoice, Instant now) {
        List<Payment> attempts = invoice.payments();
        Optional<Payment> latest = attempts.stream().max(Comparator.comparing(Payment::updatedAt));
        if (latest.isEmpty()) {
            return new Attempt.None();
        }
        return switch (policy.decide(attempts, now)) {
            case AttemptDecision.InFlight inFlight -> new Attempt.InFlight(inFlight.current().createdAt());
            case AttemptDecision.CoolingDown coolingDown ->
                    new Attempt.Failed(reason(latest.get()), Optional.of(coolingDown.until()));
            case AttemptDecision.Allowed allowed -> latest.get().succeeded()
                    ? new Attempt.Succeeded(latest.get().receipt())
                    : new Attempt.Failed(reason(latest.get()), Optional.empty());
        };
    }

    private static StkReason reason(Payment attempt) {
        return attempt.endReason().orElse(StkReason.OTHER);
    }
}
