package ke.invoiceiq.adapters.daraja.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.payment.RecordOutcome;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.PaymentResult;

/**
 * Test fake of the payment-result use case: records every result handed to {@code record}, in order, and answers
 * with a set outcome (or throws, to play a database that is down). De-duplicates nothing.
 */
@Singleton
public class RecordingPaymentResults implements RecordPaymentResultUseCase {

    private final List<PaymentResult> recorded = new CopyOnWriteArrayList<>();
    private final List<Optional<String>> rawBodies = new CopyOnWriteArrayList<>();
    private volatile RecordOutcome answer = new RecordOutcome.Kept();
    private volatile RuntimeException failure;

    @Override
    public RecordOutcome record(PaymentResult result, Optional<String> rawBody) {
        if (failure != null) {
            throw failure;
        }
        recorded.add(result);
        rawBodies.add(rawBody);
        return answer;
    }

    @Override
    public RecordOutcome applyStored(CheckoutRequestId id) {
        throw new AssertionError("the callback resource applies through record(), not applyStored()");
    }

    @Override
    public RecordOutcome resolve(KeptResult kept, boolean finalAttempt) {
        throw new AssertionError("the callback resource never resolves a kept result");
    }

    @Override
    public RecordOutcome applyQueried(PaymentResult result) {
        throw new AssertionError("the callback resource never applies a queried result");
    }

    List<PaymentResult> recorded() {
        return List.copyOf(recorded);
    }

    List<Optional<String>> rawBodies() {
        return List.copyOf(rawBodies);
    }

    void answer(RecordOutcome outcome) {
        this.answer = outcome;
    }

    void failWith(RuntimeException e) {
        this.failure = e;
    }

    void reset() {
        recorded.clear();
        rawBodies.clear();
        answer = new RecordOutcome.Kept();
        failure = null;
    }
}
