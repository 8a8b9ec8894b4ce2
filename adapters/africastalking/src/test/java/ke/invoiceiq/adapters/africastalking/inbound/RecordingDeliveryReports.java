package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.messaging.DeliveryOutcome;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;

/**
 * Test fake of the delivery-status use case: records every report it is handed, in order, and answers with a set
 * outcome (or throws, to play a database that is down).
 */
@Singleton
public class RecordingDeliveryReports implements RecordDeliveryStatusUseCase {

    private final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    private volatile DeliveryOutcome answer = new DeliveryOutcome.Stale();
    private volatile RuntimeException failure;

    @Override
    public DeliveryOutcome record(DeliveryReport report) {
        if (failure != null) {
            throw failure;
        }
        reports.add(report);
        return answer;
    }

    List<DeliveryReport> reports() {
        return List.copyOf(reports);
    }

    void answer(DeliveryOutcome outcome) {
        this.answer = outcome;
    }

    void failWith(RuntimeException e) {
        this.failure = e;
    }

    void reset() {
        reports.clear();
        answer = new DeliveryOutcome.Stale();
        failure = null;
    }
}
