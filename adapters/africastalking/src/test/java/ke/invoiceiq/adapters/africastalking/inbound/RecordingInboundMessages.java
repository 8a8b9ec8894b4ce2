package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundMessage;

/**
 * Test fake of the inbound use case: records every message it is handed and de-duplicates nothing (so a
 * redelivery shows up twice); throws when told to, to play a database that is down or a blip.
 */
@Singleton
public class RecordingInboundMessages implements HandleInboundMessageUseCase {

    private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> givenUp = new CopyOnWriteArrayList<>();
    private final AtomicInteger tries = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile RuntimeException failure;
    private volatile RuntimeException giveUpFailure;

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        tries.incrementAndGet();
        if (failure != null && failuresLeft.getAndDecrement() > 0) {
            throw failure;
        }
        messages.add(message);
        return new HandleInboundMessageOutcome.Duplicate();
    }

    @Override
    public HandleInboundMessageOutcome giveUp(InboundMessage message) {
        if (giveUpFailure != null) {
            throw giveUpFailure;
        }
        givenUp.add(message);
        return new HandleInboundMessageOutcome.GaveUp(true);
    }

    List<InboundMessage> messages() {
        return List.copyOf(messages);
    }

    List<InboundMessage> givenUp() {
        return List.copyOf(givenUp);
    }

    int tries() {
        return tries.get();
    }

    /** Every handling throws {@code e}, and so does every give-up (a database that is down). */
    void failWith(RuntimeException e) {
        failTimes(Integer.MAX_VALUE, e);
        this.giveUpFailure = e;
    }

    /** The next {@code times} handlings throw {@code e}; giving up still works. */
    void failTimes(int times, RuntimeException e) {
        failuresLeft.set(times);
        this.failure = e;
    }

    void reset() {
        messages.clear();
        givenUp.clear();
        tries.set(0);
        failuresLeft.set(0);
        failure = null;
        giveUpFailure = null;
    }
}
