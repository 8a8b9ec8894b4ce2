package ke.invoiceiq.adapters.memory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;

/** Keeps every published event for a test to read. */
public final class RecordingDomainEvents implements DomainEvents {

    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        published.add(Objects.requireNonNull(event, "event"));
    }

    /** Every event, in the order published. */
    public List<DomainEvent> published() {
        return List.copyOf(published);
    }

    public <E extends DomainEvent> List<E> published(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
