package ke.invoiceiq.application.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.Transactions;

/** Reads unmatched payments; changes nothing. */
public final class FindUnmatchedPaymentsService implements FindUnmatchedPaymentsUseCase {

    private final UnmatchedPayments unmatched;
    private final Transactions transactions;

    public FindUnmatchedPaymentsService(UnmatchedPayments unmatched, Transactions transactions) {
        this.unmatched = unmatched;
        this.transactions = transactions;
    }

    @Override
    public List<UnmatchedPayment> latest(Optional<UnmatchedPayment.Status> status, int limit) {
        Objects.requireNonNull(status, "status");
        return transactions.inTransaction(() -> unmatched.latest(status, limit));
    }

    @Override
    public Optional<UnmatchedPayment> find(UnmatchedPaymentId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> unmatched.find(id));
    }
}
