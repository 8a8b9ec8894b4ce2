package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundMessage;
import org.jboss.logging.MDC;

/**
 * Test fake of the inbound use case: records every message it is handed, with the correlation id in the MDC at that
 * moment, and de-duplicates nothing (so a redelivery shows up twice). A wamid containing {@code BOOM} makes it
 * throw after recording, to show that one failing event does not stop the others.
 */
@Singleton
public class RecordingInboundMessages implements HandleInboundMessageUseCase {

    record Call(InboundMessage message, Optional<String> correlationId, String thread) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        calls.add(new Call(message, Optional.ofNullable(MDC.get(WebhookDispatcher.MDC_KEY)).map(Object::toString),
                Thread.currentThread().getName()));
        if (message.providerMessageId().contains("BOOM")) {
            throw new IllegalStateException("boom");
        }
        return new HandleInboundMessageOutcome.Unidentified();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<InboundMessage> messages() {
        return calls.stream().map(Call::message).toList();
    }

    void reset() {
        calls.clear();
    }
}
