package ke.invoiceiq.adapters.memory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SmsMessenger;

/**
 * An SMS stand-in that records every text and accepts it as {@code ATXid_<n>} unless scripted, the same way
 * as {@link RecordingChatMessenger}.
 */
public final class RecordingSmsMessenger implements SmsMessenger {

    public record Sms(Msisdn to, String text) {
        public Sms {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(text, "text");
        }
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final Script<Msisdn, SendResult> script = new Script<>();
    private final AtomicLong accepted = new AtomicLong();

    @Override
    public SendResult send(Msisdn to, String text) {
        sent.add(new Sms(to, text));
        return script.next(to).orElseGet(() -> new SendResult.Accepted("ATXid_" + accepted.incrementAndGet()));
    }

    /** Answers for the next sends, in order, before the default comes back. */
    public void respondWith(SendResult... answers) {
        script.queue(answers);
    }

    /** Every send to {@code recipient} gets {@code answer} until {@link #recover} is called. */
    public void failFor(Msisdn recipient, SendResult answer) {
        script.standing(recipient, answer);
    }

    public void recover(Msisdn recipient) {
        script.clearStanding(recipient);
    }

    /** Every text sent, in order. */
    public List<Sms> sent() {
        return List.copyOf(sent);
    }

    public List<Sms> sentTo(Msisdn recipient) {
        return sent.stream().filter(m -> m.to().equals(recipient)).toList();
    }
}
