package ke.invoiceiq.application.inbound;

import java.time.Clock;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * First claims the message (provider + message id) so a webhook redelivery is handled once, and writes its
 * metadata to the message log; then hands it to the merchant's conversation (a configured staff number) or
 * the customer's. A message without a phone number (a WhatsApp username) is claimed and logged, nothing more.
 *
 * <p>The log entry names no invoice: a tap may name one that does not exist, and the log's invoice reference
 * must point at a real invoice. The claim is committed before the message is handled: a message whose handling fails is not handled
 * again on redelivery. Losing one reply (the person writes again) is better than creating an invoice or
 * pushing a payment prompt twice.
 */
public final class HandleInboundMessageService implements HandleInboundMessageUseCase {

    private final InboundEventLog inboundEvents;
    private final MessageLog messageLog;
    private final CustomerDirectory customers;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;
    private final MerchantSettings merchant;
    private final MerchantConversation merchantConversation;
    private final CustomerConversation customerConversation;

    public HandleInboundMessageService(InboundEventLog inboundEvents, MessageLog messageLog,
            CustomerDirectory customers, IdGenerator ids, Transactions transactions, Clock clock,
            MerchantSettings merchant, MerchantConversation merchantConversation,
            CustomerConversation customerConversation) {
        this.inboundEvents = inboundEvents;
        this.messageLog = messageLog;
        this.customers = customers;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
        this.merchant = merchant;
        this.merchantConversation = merchantConversation;
        this.customerConversation = customerConversation;
    }

    @Override
    public HandleInboundMessageOutcome handle(InboundMessage message) {
        if (!transactions.inTransaction(() -> claim(message))) {
            return new HandleInboundMessageOutcome.Duplicate();
        }
        if (message.from().isEmpty()) {
            return new HandleInboundMessageOutcome.Unidentified();
        }
        Msisdn from = message.from().get();
        if (merchant.isMerchant(from)) {
            return merchantConversation.handle(from, message.channel(), message.content(), message.idempotencyKey());
        }
        return customerConversation.handle(from, message.channel(), message.content(), message.idempotencyKey());
    }

    /**
     * True the first time; then the metadata goes to the log and a WhatsApp message opens the sender's 24-hour
     * window (an SMS does not).
     */
    private boolean claim(InboundMessage message) {
        if (!inboundEvents.firstSeen(message.provider(), message.providerMessageId(), clock.instant())) {
            return false;
        }
        messageLog.record(new MessageLogEntry(ids.nextId(), Optional.empty(), message.channel(),
                Direction.IN, eventOf(message.content()), Optional.of(message.providerMessageId()), Optional.empty(),
                message.receivedAt()));
        if (message.channel() == Channel.WHATSAPP) {
            message.from().ifPresent(from -> customers.recordInbound(from, message.receivedAt()));
        }
        return true;
    }

    private static String eventOf(InboundContent content) {
        return switch (content) {
            case InboundContent.Text text -> "inbound.text";
            case InboundContent.ButtonTap tap -> "inbound.button";
            case InboundContent.Unsupported unsupported -> "inbound.unsupported";
        };
    }
}
