package ke.invoiceiq.application.payment;

import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.PaymentResult;

/**
 * The result use case as a payment request sees it when the process dies right after storing the push's answer:
 * the results kept for that CheckoutRequestID are never applied on the spot, so only the reconciler (or an operator)
 * can apply them.
 */
final class WithoutApplyStored implements RecordPaymentResultUseCase {

    static final UnaryOperator<RecordPaymentResultUseCase> CRASH_AFTER_THE_RESPONSE = WithoutApplyStored::new;

    private final RecordPaymentResultUseCase real;

    private WithoutApplyStored(RecordPaymentResultUseCase real) {
        this.real = real;
    }

    @Override
    public RecordOutcome record(PaymentResult result, Optional<String> rawBody) {
        return real.record(result, rawBody);
    }

    @Override
    public RecordOutcome applyStored(CheckoutRequestId id) {
        return new RecordOutcome.Kept();
    }

    @Override
    public RecordOutcome resolve(KeptResult kept, boolean finalAttempt) {
        return real.resolve(kept, finalAttempt);
    }

    @Override
    public RecordOutcome applyQueried(PaymentResult result) {
        return real.applyQueried(result);
    }
}
