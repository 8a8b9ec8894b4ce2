package ke.invoiceiq.domain.shared;

/** Driven port: hands committed domain events to whoever counts or audits them (metrics, message log). */
public interface DomainEvents {
    void publish(DomainEvent event);
}
