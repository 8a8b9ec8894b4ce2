package ke.invoiceiq.adapters.daraja.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.payment.C2bOutcome;
import ke.invoiceiq.application.payment.C2bValidation;
import ke.invoiceiq.application.payment.RecordC2bPaymentUseCase;
import ke.invoiceiq.domain.payment.C2bPayment;

/** Test fake of the C2B use case: records what it is handed and answers as set (or throws, a database down). */
@Singleton
public class RecordingC2bPayments implements RecordC2bPaymentUseCase {

    private final List<C2bPayment> confirmed = new CopyOnWriteArrayList<>();
    private final List<C2bPayment> validated = new CopyOnWriteArrayList<>();
    private volatile C2bValidation validation = C2bValidation.ACCEPT;
    private volatile RuntimeException failure;

    @Override
    public C2bValidation validate(C2bPayment payment) {
        if (failure != null) {
            throw failure;
        }
        validated.add(payment);
        return validation;
    }

    @Override
    public C2bOutcome confirm(C2bPayment payment) {
        if (failure != null) {
            throw failure;
        }
        confirmed.add(payment);
        return new C2bOutcome.Duplicate();
    }

    @Override
    public int applyPending() {
        throw new AssertionError("the callback resource never sweeps");
    }

    List<C2bPayment> confirmed() {
        return List.copyOf(confirmed);
    }

    List<C2bPayment> validated() {
        return List.copyOf(validated);
    }

    void answer(C2bValidation answer) {
        this.validation = answer;
    }

    void failWith(RuntimeException e) {
        this.failure = e;
    }

    void reset() {
        confirmed.clear();
        validated.clear();
        validation = C2bValidation.ACCEPT;
        failure = null;
    }
}
