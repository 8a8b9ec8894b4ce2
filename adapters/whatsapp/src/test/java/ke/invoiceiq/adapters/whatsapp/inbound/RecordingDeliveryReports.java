package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.messaging.DeliveryOutcome;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;

/** Test fake of the delivery-status use case: records every report it is handed, in order. */
@Singleton
public class RecordingDeliveryReports implements RecordDeliveryStatusUseCase {

    private final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public DeliveryOutcome record(DeliveryReport report) {
        reports.add(report);
        return new DeliveryOutcome.Ignored();
    }

    List<DeliveryReport> reports() {
        return List.copyOf(reports);
    }

    void reset() {
        reports.clear();
    }
}
