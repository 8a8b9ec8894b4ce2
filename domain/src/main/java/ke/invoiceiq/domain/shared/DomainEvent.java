package ke.invoiceiq.domain.shared;

import java.time.Instant;

/** Something that happened, worth counting or auditing. */
public interface DomainEvent {
    Instant at();
}
