package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ke.invoiceiq.adapters.memory.RecordingDomainEvents;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.shared.DomainEvents;

/**
 * The driven ports no real adapter serves yet, implemented in memory by {@code adapters/memory}: STAND-INS
 * until Africa's Talking ({@link SmsMessenger}) lands. With them the service runs end to end with no provider
 * account, but no SMS leaves the process; the recording fakes keep what they record for the life of the process.
 * Not for production. (The {@code ChatMessenger} and the {@code PaymentGateway} are not here:
 * {@link ProviderSelection} picks WhatsApp Cloud API or Daraja, or their stand-ins, from the configuration.)
 * Persistence is PostgreSQL ({@code adapters/postgres}).
 *
 * <p>Every producer is a {@link DefaultBean}: as soon as a module on the class path declares a bean of the same
 * port type, that bean wins and this stand-in is never created, with no change to this class.
 */
@ApplicationScoped
public class PortProducers {

    @Produces
    @ApplicationScoped
    @DefaultBean
    SmsMessenger smsMessenger() {
        return new RecordingSmsMessenger();
    }

    /** Replaced by the metrics adapter once it is on the class path. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    DomainEvents domainEvents() {
        return new RecordingDomainEvents();
    }
}
