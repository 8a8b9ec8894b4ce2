package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ke.invoiceiq.adapters.memory.RecordingDomainEvents;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.shared.DomainEvents;

/**
 * The driven ports no real adapter serves yet, implemented in memory by {@code adapters/memory}: STAND-INS
 * until Daraja ({@link PaymentGateway}) and Africa's Talking ({@link SmsMessenger}) land. With them the service
 * runs end to end with no provider account, but no SMS leaves the process and no payment is ever requested for
 * real; the recording fakes keep what they record for the life of the process. Not for production. (The
 * {@code ChatMessenger} is not here: {@link ProviderSelection} picks WhatsApp Cloud API or its stand-in from the
 * configuration.) Persistence is PostgreSQL ({@code adapters/postgres}).
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

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentGateway paymentGateway() {
        return new ScriptedPaymentGateway();
    }

    /** Replaced by the metrics adapter once it is on the class path. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    DomainEvents domainEvents() {
        return new RecordingDomainEvents();
    }
}
