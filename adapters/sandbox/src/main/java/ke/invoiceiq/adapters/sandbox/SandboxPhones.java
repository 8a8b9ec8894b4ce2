package ke.invoiceiq.adapters.sandbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * What the simulated phones show: per phone number, its last {@link SandboxSettings#history()} messages on both
 * channels (what the business sent it and what it sent the business), and the M-PESA prompts open on it. Memory only,
 * bounded: the oldest message of a phone is dropped beyond the history, the least recently used phone beyond
 * {@value #MAX_PHONES} phones. Thread-safe (one lock; every operation is short).
 *
 * <p>Every change bumps {@link #version()}, so the page can tell that nothing changed without comparing lists.
 */
@Singleton
public class SandboxPhones {

    /** Phones kept at most; the least recently used one goes first. */
    static final int MAX_PHONES = 1_000;

    /** Open prompts kept at most (each closes by itself after the auto-answer time anyway). */
    static final int MAX_PROMPTS = 1_000;

    /** Which way a message went, seen from the phone. */
    public enum Direction {
        /** The business sent it to this phone. */
        IN,
        /** This phone sent it to the business. */
        OUT
    }

    /** The channels of the simulated messages, as the page names them ({@code data-channel}). */
    public static final String WHATSAPP = "whatsapp";
    public static final String SMS = "sms";

    /** The kinds of entry: a plain text, a text with reply buttons, the approved template, a sandbox note. */
    public static final String TEXT = "text";
    public static final String BUTTONS = "buttons";
    public static final String TEMPLATE = "template";
    public static final String NOTE = "note";

    /** Delivery states, in the order they can only move forward. */
    static final List<String> STATUSES = List.of("sending", "accepted", "sent", "delivered", "read", "failed");

    private final int history;
    private final Map<String, Deque<Shown>> phones = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Shown>> eldest) {
            return size() > MAX_PHONES;
        }
    };
    private final Map<String, Prompt> prompts = new LinkedHashMap<>();
    private long version;
    private long seq;

    @Inject
    public SandboxPhones(SandboxSettings settings) {
        this(settings.history());
    }

    SandboxPhones(int history) {
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1");
        }
        this.history = history;
    }

    /** A reply button as the page shows it. */
    @RegisterForReflection
    public record ButtonView(String id, String title) {
        public ButtonView {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /** One message (or note) on a phone, as the page and the API show it. */
    @RegisterForReflection
    public record MessageView(long seq, String id, String direction, String channel, String kind, String text,
            List<ButtonView> buttons, String status, Instant at) {
    }

    /** An M-PESA prompt open on a phone. */
    public record Prompt(String checkoutRequestId, String merchantRequestId, Msisdn payer, long amount,
            String account, String business, Instant openedAt, Instant autoAnswerAt) {
        public Prompt {
            Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
            Objects.requireNonNull(merchantRequestId, "merchantRequestId");
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(business, "business");
            Objects.requireNonNull(openedAt, "openedAt");
            Objects.requireNonNull(autoAnswerAt, "autoAnswerAt");
        }
    }

    /** The prompt as the page shows it. */
    @RegisterForReflection
    public record PromptView(String checkoutRequestId, long amount, String account, String business,
            Instant autoAnswerAt, long secondsLeft) {
    }

    /** Where a reply button came from: the message that carried it. */
    public record ButtonOrigin(String messageId, String kind, String title) {
    }

    /** One phone's screen. */
    @RegisterForReflection
    public record PaneView(String number, boolean whatsApp, List<MessageView> messages, PromptView prompt) {
    }

    /** A message on a phone; the status is the only part that changes. */
    private static final class Shown {
        final long seq;
        final String id;
        final Direction direction;
        final String channel;
        final String kind;
        final String text;
        final List<ButtonView> buttons;
        final Instant at;
        String status;

        Shown(long seq, String id, Direction direction, String channel, String kind, String text,
                List<ButtonView> buttons, String status, Instant at) {
            this.seq = seq;
            this.id = id;
            this.direction = direction;
            this.channel = channel;
            this.kind = kind;
            this.text = text;
            this.buttons = List.copyOf(buttons);
            this.status = status;
            this.at = at;
        }

        MessageView view() {
            return new MessageView(seq, id, direction.name().toLowerCase(java.util.Locale.ROOT), channel, kind, text,
                    buttons, status, at);
        }
    }

    /** The business sent {@code phone} a message (accepted by the simulated provider). */
    public synchronized MessageView received(Msisdn phone, String id, String channel, String kind, String text,
            List<ButtonView> buttons, Instant at) {
        return add(phone, new Shown(++seq, id, Direction.IN, channel, kind, text, buttons, "accepted", at));
    }

    /** {@code phone} sent the business a message (on its way through the real inbound endpoint). */
    public synchronized MessageView sent(Msisdn phone, String id, String channel, String text, Instant at) {
        return add(phone, new Shown(++seq, id, Direction.OUT, channel, TEXT, text, List.of(), "sending", at));
    }

    /** A remark of the sandbox on a phone's screen (a refused send, how a prompt was answered). */
    public synchronized MessageView note(Msisdn phone, String channel, String text, Instant at) {
        long n = ++seq;
        return add(phone, new Shown(n, "note-" + n, Direction.IN, channel, NOTE, text, List.of(), "read", at));
    }

    /** Moves a message's status forward; a status that would go back (a late "delivered" after "read") is ignored. */
    public synchronized boolean status(Msisdn phone, String id, String status) {
        int rank = STATUSES.indexOf(status);
        if (rank < 0) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        Deque<Shown> entries = phones.get(phone.value());
        if (entries == null) {
            return false;
        }
        for (Iterator<Shown> it = entries.descendingIterator(); it.hasNext();) {
            Shown entry = it.next();
            if (entry.id.equals(id)) {
                if (STATUSES.indexOf(entry.status) >= rank) {
                    return false;
                }
                entry.status = status;
                version++;
                return true;
            }
        }
        return false;
    }

    /** The newest message the business sent {@code phone} that carries the button {@code buttonId}. */
    public synchronized Optional<ButtonOrigin> findButton(Msisdn phone, String buttonId) {
        Deque<Shown> entries = phones.get(phone.value());
        if (entries == null) {
            return Optional.empty();
        }
        for (Iterator<Shown> it = entries.descendingIterator(); it.hasNext();) {
            Shown entry = it.next();
            if (entry.direction == Direction.IN) {
                for (ButtonView button : entry.buttons) {
                    if (button.id().equals(buttonId)) {
                        return Optional.of(new ButtonOrigin(entry.id, entry.kind, button.title()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Opens an M-PESA prompt on the payer's phone. */
    public synchronized void open(Prompt prompt) {
        prompts.put(prompt.checkoutRequestId(), prompt);
        while (prompts.size() > MAX_PROMPTS) {
            prompts.remove(prompts.keySet().iterator().next());
        }
        version++;
    }

    /** Closes a prompt; empty when it is not open (answered already, or never opened). */
    public synchronized Optional<Prompt> close(String checkoutRequestId) {
        Prompt closed = prompts.remove(checkoutRequestId);
        if (closed != null) {
            version++;
        }
        return Optional.ofNullable(closed);
    }

    public synchronized Optional<Prompt> prompt(String checkoutRequestId) {
        return Optional.ofNullable(prompts.get(checkoutRequestId));
    }

    /** The oldest prompt open on {@code phone}: the one on its screen. */
    public synchronized Optional<Prompt> promptOn(Msisdn phone) {
        return prompts.values().stream().filter(p -> p.payer().equals(phone))
                .min(Comparator.comparing(Prompt::openedAt));
    }

    /** One phone's screen: its messages, oldest first, and the prompt on it. */
    public synchronized PaneView pane(Msisdn phone, boolean whatsApp, Instant now) {
        Deque<Shown> entries = phones.get(phone.value());
        List<MessageView> messages = entries == null ? List.of() : entries.stream().map(Shown::view).toList();
        PromptView prompt = promptOn(phone).map(p -> new PromptView(p.checkoutRequestId(), p.amount(), p.account(),
                p.business(), p.autoAnswerAt(), Math.max(0, Duration.between(now, p.autoAnswerAt()).toSeconds())))
                .orElse(null);
        return new PaneView(phone.value(), whatsApp, messages, prompt);
    }

    /** Every phone with messages, most recently active first. */
    public synchronized List<String> numbers() {
        List<String> numbers = new ArrayList<>(phones.keySet());
        return numbers.reversed();
    }

    /** Grows with every change. */
    public synchronized long version() {
        return version;
    }

    /** Messages kept for {@code phone} (for tests and the bound). */
    synchronized int size(Msisdn phone) {
        Deque<Shown> entries = phones.get(phone.value());
        return entries == null ? 0 : entries.size();
    }

    private MessageView add(Msisdn phone, Shown entry) {
        Deque<Shown> entries = phones.computeIfAbsent(phone.value(), k -> new ArrayDeque<>());
        entries.addLast(entry);
        while (entries.size() > history) {
            entries.removeFirst();
        }
        version++;
        return entry.view();
    }
}
