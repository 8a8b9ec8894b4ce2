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
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Reads an invoice by its pay token and its STK attempts in one unit of work, and says where the payment stands
 * with the {@link PaymentAttemptPolicy} that {@link RequestPaymentService} applies, so the page offers the Pay
 * button exactly when a request could start a push (or would be told to wait out the cooldown). Changes nothing.
 */
public final class ViewPayLinkService implements ViewPayLinkUseCase {

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final Transactions transactions;
    private final Clock clock;
    private final PaymentAttemptPolicy policy;

    public ViewPayLinkService(InvoiceRepository invoices, PaymentRepository payments, Transactions transactions,
            Clock clock, PaymentSettings settings) {
        this.invoices = invoices;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = new PaymentAttemptPolicy(settings.cooldown());
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
        List<Payment> attempts = payments.findByInvoice(invoice.id());
        return switch (policy.decide(attempts, now)) {
            case AttemptDecision.AlreadyPaid paid -> new Attempt.Succeeded(paid.paid().receipt());
            case AttemptDecision.InFlight inFlight -> new Attempt.InFlight(inFlight.current().createdAt());
            case AttemptDecision.CoolingDown coolingDown -> latest(attempts)
                    .<Attempt>map(last -> new Attempt.Failed(reason(last), Optional.of(coolingDown.until())))
                    .orElseGet(Attempt.None::new);
            case AttemptDecision.Allowed allowed -> latest(attempts)
                    .<Attempt>map(last -> new Attempt.Failed(reason(last), Optional.empty()))
                    .orElseGet(Attempt.None::new);
        };
    }

    private static Optional<Payment> latest(List<Payment> attempts) {
        return attempts.stream().max(Comparator.comparing(Payment::updatedAt));
    }

    /** An attempt given up without an answer from M-PESA expired; a refusal before any prompt is "other". */
    private static StkReason reason(Payment attempt) {
        return attempt.result().map(StkResult::reason)
                .orElse(attempt.status() == PaymentStatus.EXPIRED ? StkReason.EXPIRED : StkReason.OTHER);
    }
}
