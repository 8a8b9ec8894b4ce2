package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ke.invoiceiq.adapters.memory.RecordingDomainEvents;
import ke.invoiceiq.domain.shared.DomainEvents;

/**
 * The driven ports no real adapter serves by itself, implemented in memory by {@code adapters/memory}. (The
 * {@code ChatMessenger}, {@code SmsMessenger} and {@code PaymentGateway} are not here: {@link ProviderSelection} picks
 * WhatsApp Cloud API, Africa's Talking and Daraja, or their stand-ins, from the configuration.) Persistence is
 * PostgreSQL ({@code adapters/postgres}).
 *
 * <p>Every producer is a {@link DefaultBean}: as soon as a module on the class path declares a bean of the same
 * port type, that bean wins and this stand-in is never created, with no change to this class.
 */
@ApplicationScoped
public class PortProducers {

    /** Replaced by the metrics adapter once it is on the class path. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    DomainEvents domainEvents() {
        return new RecordingDomainEvents();
    }
}
