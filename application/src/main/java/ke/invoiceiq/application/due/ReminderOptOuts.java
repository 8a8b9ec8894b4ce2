package ke.invoiceiq.application.due;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.shared.Text;

/**
 * A customer's STOP (or ACHA) and START (or ANZA), by WhatsApp or SMS: the whole message is the word, any case, a
 * closing full stop or exclamation mark forgiven. STOP ends the automatic reminders from this merchant (kept in the
 * {@link CustomerDirectory}); the customer gets a short confirmation in the language they wrote in, and the merchant
 * is told once, with the number masked. START undoes it. A manual {@code remind} from the merchant is still sent
 * (the merchant chose to), and the merchant is told the customer had asked for none ({@link #noteForMerchant}).
 */
public final class ReminderOptOuts {

    /** What the customer asked for. */
    public enum Wish {
        STOP, START
    }

    /** The wish and the language its word was in. */
    public record Said(Wish wish, Language language) {
    }

    private final CustomerDirectory customers;
    private final OutboxWriter outbox;
    private final MerchantSettings merchant;
    private final java.time.Clock clock;

    public ReminderOptOuts(CustomerDirectory customers, OutboxWriter outbox, MerchantSettings merchant,
            java.time.Clock clock) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code STOP}, {@code acha}, {@code Start!}, {@code ANZA.}; empty for anything else. */
    public static Optional<Said> read(InboundContent content) {
        if (!(content instanceof InboundContent.Text text)) {
            return Optional.empty();
        }
        String word = Text.squash(text.text()).toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return switch (word) {
            case "stop", "unsubscribe" -> Optional.of(new Said(Wish.STOP, Language.EN));
            case "acha" -> Optional.of(new Said(Wish.STOP, Language.SW));
            case "start" -> Optional.of(new Said(Wish.START, Language.EN));
            case "anza" -> Optional.of(new Said(Wish.START, Language.SW));
            default -> Optional.empty();
        };
    }

    /** Records the wish and queues the answers, in the caller's unit of work. */
    public void apply(Msisdn customer, Channel channel, Said said) {
        switch (said.wish()) {
            case STOP -> {
                boolean news = customers.stopReminders(customer, clock.instant());
                reply(customer, channel, DuePhrases.OPTED_OUT, said.language());
                if (news) {
                    outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(
                            DuePhrases.MERCHANT_TOLD_OPTED_OUT.in(merchant.language())
                                    .with("customer", customer.masked()).text()));
                }
            }
            case START -> {
                customers.resumeReminders(customer);
                reply(customer, channel, DuePhrases.OPTED_IN, said.language());
            }
        }
    }

    /** For the merchant after a manual reminder: the customer had asked for none (empty when they had not). */
    public Optional<String> noteForMerchant(Msisdn customer) {
        return customers.remindersStopped(customer)
                ? Optional.of(DuePhrases.REMIND_DESPITE_OPT_OUT.in(merchant.language())
                        .with("customer", customer.masked()).text())
                : Optional.empty();
    }

    private void reply(Msisdn customer, Channel channel, DuePhrases phrase, Language language) {
        outbox.send(customer, channel, MessagePurpose.REPLY, Optional.empty(),
                OutboundContent.text(phrase.in(language).with("business", merchant.businessName()).text()));
    }
}
