package ke.invoiceiq.application.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.HandledForMerchant;
import ke.invoiceiq.application.invoice.CancelInvoiceCommand;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.MarkInvoicePaidCommand;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceCommand;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.chat.ChatEffect;
import ke.invoiceiq.domain.chat.ChatInput;
import ke.invoiceiq.domain.chat.ChatMachine;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.InvoiceDraft;
import ke.invoiceiq.domain.chat.Reply;
import ke.invoiceiq.domain.chat.Transition;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The merchant's side: one step of the chat machine over the stored session, its replies queued back on the
 * channel the message came in on, its effects run through the invoice use cases, all in one unit of work with the
 * message's claim (retried, claim and all, when the session or an invoice changed under it). A {@code pay} from a
 * staff number (a merchant testing with their own phone) calls M-PESA, so it runs after that unit of work is
 * committed; should it fail, the message counts as handled (the step must not be applied twice) and the merchant
 * taps again.
 *
 * <p>The merchant is answered in the configured merchant language ({@link LanguageSettings#merchant()});
 * {@code lang <phone> sw|en} keeps a customer's language in the customer directory, and a one-line invoice's
 * {@code sw}/{@code en} tag goes with the draft to the invoice.
 */
public final class MerchantConversation {

    static final int LIST_SIZE = 5;

    private final ChatSessionRepository sessions;
    private final CreateInvoiceUseCase createInvoice;
    private final RemindInvoiceUseCase remindInvoice;
    private final CancelInvoiceUseCase cancelInvoice;
    private final FindInvoicesUseCase findInvoices;
    private final RequestPaymentUseCase requestPayment;
    private final MarkInvoicePaidUseCase markPaid;
    private final OutboxWriter outbox;
    private final Transactions plainTransactions;
    private final RetryingTransactions transactions;
    private final Clock clock;
    private final CustomerDirectory customers;
    /** The merchant's replies are in {@code merchant()}; a customer's language is kept in the directory. */
    private final LanguageSettings languages;

    public MerchantConversation(ChatSessionRepository sessions, CreateInvoiceUseCase createInvoice,
            RemindInvoiceUseCase remindInvoice, CancelInvoiceUseCase cancelInvoice, FindInvoicesUseCase findInvoices,
            RequestPaymentUseCase requestPayment, MarkInvoicePaidUseCase markPaid, OutboxWriter outbox,
            Transactions transactions, Clock clock, CustomerDirectory customers, LanguageSettings languages) {
        this.customers = customers;
        this.languages = languages;
        this.sessions = sessions;
        this.createInvoice = createInvoice;
        this.remindInvoice = remindInvoice;
        this.cancelInvoice = cancelInvoice;
        this.findInvoices = findInvoices;
        this.requestPayment = requestPayment;
        this.markPaid = markPaid;
        this.outbox = outbox;
        this.plainTransactions = transactions;
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
    }

    HandleInboundMessageOutcome handle(Msisdn merchant, Channel channel, InboundContent content, IdempotencyKey key,
            BooleanSupplier claim) {
        Turn turn = transactions.inTransaction(() -> {
            if (!claim.getAsBoolean()) {
                return null;
            }
            Turn t = new Turn(merchant, channel);
            switch (content) {
                case InboundContent.Text text -> step(t, new ChatInput.Text(text.text()));
                case InboundContent.ButtonTap tap -> step(t, new ChatInput.ButtonTap(tap.id()));
                case InboundContent.Unsupported unsupported -> t.reply(MerchantReplies.unsupported(lang()), Optional.empty());
            }
            return t;
        });
        if (turn == null) {
            return new HandleInboundMessageOutcome.Duplicate();
        }
        int payReplies = 0;
        for (InvoiceId invoiceId : turn.payments) {
            RequestPaymentOutcome outcome =
                    requestPayment.requestPayment(RequestPaymentCommand.byPhone(invoiceId, merchant, key));
            plainTransactions.run(() -> new Turn(merchant, channel)
                    .reply(PaymentReplies.of(outcome, invoiceId, clock.instant(), lang()),
                            PaymentReplies.invoiceOf(outcome)));
            payReplies++;
        }
        return new HandledForMerchant(turn.created, turn.replies + payReplies);
    }

    private void step(Turn turn, ChatInput input) {
        ChatSession session = sessions.find(turn.merchant)
                .orElseGet(() -> new ChatSession(turn.merchant, new ChatState.Idle(), 0));
        Transition transition = ChatMachine.step(session.state(), input, clock.instant(),
                ChatMachine.ChatTimeouts.DEFAULT, lang());
        if (!transition.next().equals(session.state())) {
            sessions.save(new ChatSession(turn.merchant, transition.next(), session.version()));
        }
        for (Reply reply : transition.replies()) {
            turn.reply(reply.toContent(), Optional.empty());
        }
        for (ChatEffect effect : transition.effects()) {
            switch (effect) {
                case ChatEffect.CreateAndSendInvoice create -> create(turn, create.draft());
                case ChatEffect.RunCommand run -> command(turn, run.command());
            }
        }
    }

    private void create(Turn turn, InvoiceDraft draft) {
        CreateInvoiceOutcome outcome = createInvoice.create(new CreateInvoiceCommand(draft.customer().orElseThrow(),
                draft.name(), draft.amount().orElseThrow(), draft.description().orElseThrow(), Optional.empty(),
                draft.language(), draft.dueDate()));
        Optional<InvoiceId> invoiceId = Optional.empty();
        if (outcome instanceof CreateInvoiceOutcome.Created created) {
            invoiceId = Optional.of(created.invoice().id());
            turn.created.add(created.invoice().id());
        }
        Optional<InvoiceId> about = invoiceId;
        MerchantReplies.created(outcome, turn.channel, lang()).ifPresent(reply -> turn.reply(reply, about));
    }

    private void command(Turn turn, Command command) {
        switch (command) {
            case Command.Remind remind -> {
                RemindInvoiceOutcome outcome = remindInvoice.remind(new RemindInvoiceCommand(remind.invoiceId()));
                turn.reply(MerchantReplies.reminded(outcome, clock.instant(), lang()),
                        outcome instanceof RemindInvoiceOutcome.NotFound ? Optional.empty() : Optional.of(remind.invoiceId()));
            }
            case Command.Cancel cancel -> {
                CancelInvoiceOutcome outcome = cancelInvoice.cancel(new CancelInvoiceCommand(cancel.invoiceId()));
                turn.reply(MerchantReplies.cancelled(outcome, lang()),
                        outcome instanceof CancelInvoiceOutcome.NotFound ? Optional.empty() : Optional.of(cancel.invoiceId()));
            }
            case Command.Status status -> {
                Optional<Invoice> invoice = findInvoices.find(status.invoiceId());
                turn.reply(invoice.map(found -> MerchantReplies.status(found, lang(), clock.instant()))
                        .orElseGet(() -> OutboundContent.text(MerchantReplies.notFound(status.invoiceId(), lang()))),
                        invoice.map(Invoice::id));
            }
            case Command.ListInvoices list ->
                    turn.reply(MerchantReplies.list(findInvoices.latest(Optional.empty(), LIST_SIZE), lang(),
                            clock.instant()), Optional.empty());
            case Command.SetLanguage set -> {
                customers.chooseLanguage(set.customer(), set.language());
                turn.reply(MerchantReplies.languageSet(set.customer(), set.language(), lang()), Optional.empty());
            }
            case Command.Pay pay -> turn.payments.add(pay.invoiceId());
            case Command.MarkPaid paid -> {
                MarkInvoicePaidOutcome outcome = markPaid.markPaid(new MarkInvoicePaidCommand(paid.invoiceId(),
                        paid.method(), paid.amount(), paid.note().orElse(MarkInvoicePaidCommand.CHAT_NOTE)));
                turn.reply(OutboundContent.text(CashReplies.markedPaid(outcome, paid, lang())),
                        outcome instanceof MarkInvoicePaidOutcome.NotFound ? Optional.empty()
                                : Optional.of(paid.invoiceId()));
            }
            case Command.CreateInvoice c -> turn.reply(unknown(), Optional.empty());
            case Command.StartGuidedFlow c -> turn.reply(unknown(), Optional.empty());
            case Command.Help c -> turn.reply(OutboundContent.text(BotCopy.commandHelp(lang())), Optional.empty());
            case Command.Invalid invalid -> turn.reply(OutboundContent.text(
                    BotCopy.invalidInput(lang(), invalid.verb(), invalid.error())), Optional.empty());
            case Command.Unknown c -> turn.reply(unknown(), Optional.empty());
        }
    }

    private OutboundContent unknown() {
        return OutboundContent.text(BotCopy.unknownCommand(lang()));
    }

    private Language lang() {
        return languages.merchant();
    }

    /** What one message from the merchant led to; a new one for every try of the unit of work. */
    private final class Turn {
        private final Msisdn merchant;
        private final Channel channel;
        private final List<InvoiceId> created = new ArrayList<>();
        private final List<InvoiceId> payments = new ArrayList<>();
        private int replies;

        private Turn(Msisdn merchant, Channel channel) {
            this.merchant = merchant;
            this.channel = channel;
        }

        private void reply(OutboundContent content, Optional<InvoiceId> invoiceId) {
            outbox.send(merchant, channel, MessagePurpose.REPLY, invoiceId, content);
            replies++;
        }
    }
}
