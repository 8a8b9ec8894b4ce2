package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import org.jboss.logging.MDC;

/**
 * Test fake of the inbound use case: records every message it is handed, with the correlation id in the MDC and the
 * thread at that moment, and de-duplicates nothing (so a redelivery shows up twice). A wamid containing {@code BOOM}
 * makes it throw after recording, every time; one containing {@code FLAKY} only the first time. A Pay tap
 * ({@code pay_…}) may wait on a provider, and waits for {@link #holdPayTaps} to be released when one is set.
 */
@Singleton
public class RecordingInboundMessages implements HandleInboundMessageUseCase {

    record Call(InboundMessage message, Optional<String> correlationId, String thread, boolean virtualThread) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> givenUp = new CopyOnWriteArrayList<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch payTaps = new CountDownLatch(0);
    private volatile boolean giveUpFails;

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        calls.add(new Call(message, Optional.ofNullable(MDC.get(WebhookDispatcher.MDC_KEY)).map(Object::toString),
                Thread.currentThread().getName(), Thread.currentThread().isVirtual()));
        String wamid = message.providerMessageId();
        if (wamid.contains("BOOM") || (wamid.contains("FLAKY") && failedOnce.add(wamid))) {
            throw new IllegalStateException("boom");
        }
        if (mayWaitOnProvider(message)) {
            try {
                if (!payTaps.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the Pay taps go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new HandleInboundMessageOutcome.Unidentified();
    }

    @Override
    public HandleInboundMessageOutcome giveUp(InboundMessage message) {
        if (giveUpFails) {
            throw new IllegalStateException("the database is down");
        }
        givenUp.add(message);
        return new HandleInboundMessageOutcome.GaveUp(true);
    }

    @Override
    public boolean mayWaitOnProvider(InboundMessage message) {
        return message.content() instanceof InboundContent.ButtonTap tap && tap.id().startsWith("pay_");
    }

    /** Pay taps wait until the returned latch is counted down. */
    CountDownLatch holdPayTaps() {
        CountDownLatch latch = new CountDownLatch(1);
        payTaps = latch;
        return latch;
    }

    void failGivingUp(boolean fail) {
        giveUpFails = fail;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<InboundMessage> messages() {
        return calls.stream().map(Call::message).toList();
    }

    List<InboundMessage> givenUp() {
        return List.copyOf(givenUp);
    }

    void reset() {
        calls.clear();
        givenUp.clear();
        failedOnce.clear();
        payTaps = new CountDownLatch(0);
        giveUpFails = false;
    }
}
