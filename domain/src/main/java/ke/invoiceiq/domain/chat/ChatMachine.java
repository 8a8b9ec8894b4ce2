package ke.invoiceiq.domain.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.domain.chat.ChatEffect.CreateAndSendInvoice;
import ke.invoiceiq.domain.chat.ChatEffect.RunCommand;
import ke.invoiceiq.domain.chat.ChatInput.ButtonTap;
import ke.invoiceiq.domain.chat.ChatInput.Text;
import ke.invoiceiq.domain.chat.ChatInput.Tick;
import ke.invoiceiq.domain.chat.ChatState.ChoosingEdit;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingDueDate;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.chat.ChatState.Guided;
import ke.invoiceiq.domain.chat.ChatState.Idle;
import ke.invoiceiq.domain.command.Command;
import ke.invoiceiq.domain.command.CommandParser;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.command.VerbSynonyms;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.due.DueClause;
import ke.invoiceiq.domain.due.DueClauseParser;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.shared.FieldError;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * The merchant's conversation as a pure function: {@code (state, input, now) → (next state, replies, effects)}.
 * No I/O, no clock of its own, no framework: the application stores the state, sends the replies and carries
 * out the effects.
 *
 * <p>Rules beyond docs/architecture.md, decided here:
 * <ul>
 *   <li>Every text or button tap from the merchant counts as activity: it sets {@code lastInputAt} to
 *       {@code now} and clears {@code nudged}, even when the answer is rejected (the merchant is there).
 *       Only a {@link Tick} leaves them alone.</li>
 *   <li>During the guided flow, exactly {@code cancel} stops it and exactly {@code help} (or {@code ?}) explains
 *       and re-asks; {@code Help desk setup} is a description, not a call for help. The command parser is only
 *       consulted when the text starts with a command verb ({@code invoice}, {@code new}, {@code remind},
 *       {@code cancel}, {@code status}, {@code list}), so a name or description is rarely mistaken for a
 *       command. A complete
 *       one-line invoice replaces the draft; {@code invoice}/{@code new invoice}/{@code new} restart the flow;
 *       {@code remind}/{@code cancel <id>}/{@code status}/{@code list} run as effects and the flow stays
 *       where it is. A verb with a bad argument is first tried as the answer to the open question; when that
 *       fails too, the parser's error is shown (it says more than "Invalid phone").</li>
 *   <li>{@code pay <id>} from a merchant is passed on as {@link RunCommand}: a merchant testing with their own
 *       phone may well pay their own invoice, and the application checks who may pay. Likewise the
 *       customer's {@code pay_…} button runs {@code Pay} and {@code view_…} runs {@code Status}.</li>
 *   <li>A flow button (Cancel, Skip, Send, Edit, …) tapped when no flow is running (a stale message after the
 *       session closed) never acts: the merchant is told there is no invoice in progress. A stale button
 *       during a different step re-asks the open question.</li>
 *   <li>Every reply is in the language the application passes (the merchant's); what the merchant types is read
 *       in English and Swahili alike: a Swahili word stands for its English one ({@code ghairi} is {@code cancel},
 *       {@code tuma} is {@code send}, {@code ruka} is {@code skip}; {@link VerbSynonyms}). Button ids never change
 *       with the language.</li>
 *   <li>The preview's "To:" is the phone number, or the typed name for a one-line invoice by name (the
 *       application resolves it from the customer directory when it creates the invoice).</li>
 * </ul>
 */
public final class ChatMachine {

    /** When to nudge a quiet merchant, and when to give up on the draft. */
    public record ChatTimeouts(Duration nudgeAfter, Duration closeAfter) {
        public static final ChatTimeouts DEFAULT = new ChatTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(15));

        public ChatTimeouts {
            Objects.requireNonNull(nudgeAfter, "nudgeAfter");
            Objects.requireNonNull(closeAfter, "closeAfter");
            if (nudgeAfter.isNegative() || nudgeAfter.isZero()) {
                throw new IllegalArgumentException("nudgeAfter must be positive");
            }
            if (closeAfter.compareTo(nudgeAfter) <= 0) {
                throw new IllegalArgumentException("closeAfter must be longer than nudgeAfter");
            }
        }
    }

    private static final Idle IDLE = new Idle();

    /** First words that make a line in the guided flow worth giving to the command parser. */
    private static final Set<String> COMMAND_VERBS =
            Set.of("invoice", "new", "remind", "cancel", "status", "list", "lang");

    /** Flow buttons that mean nothing once the flow is over. */
    private static final Set<String> FLOW_BUTTONS = Set.of(BotCopy.CANCEL.id(), BotCopy.SKIP.id(),
            BotCopy.SEND.id(), BotCopy.EDIT.id(), BotCopy.EDIT_AMOUNT.id(), BotCopy.EDIT_DESCRIPTION.id(),
            BotCopy.EDIT_CUSTOMER.id());

    /** The language the merchant is answered in; what the merchant types is read in both. */
    private final Language lang;

    private ChatMachine(Language lang) {
        this.lang = Objects.requireNonNull(lang, "language");
    }

    public static Transition step(ChatState state, ChatInput input, Instant now) {
        return step(state, input, now, ChatTimeouts.DEFAULT);
    }

    public static Transition step(ChatState state, ChatInput input, Instant now, ChatTimeouts timeouts) {
        return step(state, input, now, timeouts, Language.EN);
    }

    /** One step, the replies written in {@code language} (the merchant's). */
    public static Transition step(ChatState state, ChatInput input, Instant now, ChatTimeouts timeouts,
            Language language) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(timeouts, "timeouts");
        ChatMachine machine = new ChatMachine(language);
        return switch (state) {
            case Idle idle -> machine.idle(input, now);
            case Guided guided -> machine.guided(guided, input, now, timeouts);
        };
    }

    // ---- idle ---------------------------------------------------------------------------------------------

    private Transition idle(ChatInput input, Instant now) {
        return switch (input) {
            case Text text -> idleCommand(CommandParser.parse(text.text()), now);
            case ButtonTap tap -> idleButton(tap.buttonId(), now);
            case Tick tick -> nothing(IDLE);
        };
    }

    private Transition idleCommand(Command command, Instant now) {
        return switch (command) {
            case Command.StartGuidedFlow start -> startFlow(now);
            case Command.CreateInvoice create -> switch (draftOf(create, now)) {
                case Parsed.Ok<InvoiceDraft> draft ->
                        new Transition(IDLE, List.of(), List.of(new CreateAndSendInvoice(draft.value())));
                case Parsed.Rejected<InvoiceDraft> rejected ->
                        say(IDLE, Reply.of(rejected.error().message(), BotCopy.newInvoice(lang)));
            };
            case Command.Help help -> say(IDLE, Reply.of(BotCopy.commandHelp(lang), BotCopy.newInvoice(lang)));
            case Command.Invalid invalid -> say(IDLE, invalidReply(invalid));
            case Command.Unknown unknown -> say(IDLE, unknownReply());
            case Command.Remind remind -> run(IDLE, remind);
            case Command.Cancel cancel -> run(IDLE, cancel);
            case Command.Status status -> run(IDLE, status);
            case Command.ListInvoices list -> run(IDLE, list);
            case Command.SetLanguage set -> run(IDLE, set);
            case Command.Pay pay -> run(IDLE, pay);
            case Command.MarkPaid paid -> run(IDLE, paid);
        };
    }

    private Transition idleButton(String buttonId, Instant now) {
        if (buttonId.equals(BotCopy.NEW_INVOICE.id())) {
            return startFlow(now);
        }
        Optional<Command> command = invoiceButtonCommand(buttonId);
        if (command.isPresent()) {
            return run(IDLE, command.get());
        }
        if (FLOW_BUTTONS.contains(buttonId)) {
            return say(IDLE, Reply.of(BotCopy.noInvoiceInProgress(lang), BotCopy.newInvoice(lang)));
        }
        return say(IDLE, unknownReply());
    }

    private Reply invalidReply(Command.Invalid invalid) {
        String message = BotCopy.invalidInput(lang, invalid.verb(), invalid.error());
        return invalid.verb().equalsIgnoreCase("invoice")
                ? Reply.of(message, BotCopy.newInvoice(lang))
                : Reply.of(message);
    }

    private Reply unknownReply() {
        return Reply.of(BotCopy.unknownCommand(lang), BotCopy.newInvoice(lang));
    }

    // ---- guided flow --------------------------------------------------------------------------------------

    private Transition guided(Guided state, ChatInput input, Instant now, ChatTimeouts timeouts) {
        return switch (input) {
            case Tick tick -> tick(state, now, timeouts);
            case Text text -> guidedText(state, text.text(), now);
            case ButtonTap tap -> guidedButton(state, tap.buttonId(), now);
        };
    }

    private Transition guidedText(Guided state, String raw, Instant now) {
        String word = VerbSynonyms.canonical(normalise(raw));
        if (word.equals("cancel")) {
            return cancelled();
        }
        if (word.equals("help") || word.equals("?")) {
            return help(state, now);
        }
        FieldError commandError = null;
        if (COMMAND_VERBS.contains(VerbSynonyms.canonical(firstWord(word)))) {
            Command command = CommandParser.parse(raw);
            switch (command) {
                case Command.CreateInvoice create -> {
                    switch (draftOf(create, now)) {
                        case Parsed.Ok<InvoiceDraft> draft -> {
                            return replaceDraft(draft.value(), now);
                        }
                        case Parsed.Rejected<InvoiceDraft> rejected -> commandError = rejected.error();
                    }
                }
                case Command.StartGuidedFlow start -> {
                    return startFlow(now);
                }
                case Command.Help help -> {
                    return help(state, now);
                }
                case Command.Remind remind -> {
                    return run(touched(state, now), remind);
                }
                case Command.Cancel cancel -> {
                    return run(touched(state, now), cancel);
                }
                case Command.Status status -> {
                    return run(touched(state, now), status);
                }
                case Command.ListInvoices list -> {
                    return run(touched(state, now), list);
                }
                case Command.SetLanguage set -> {
                    return run(touched(state, now), set);
                }
                case Command.Invalid invalid -> commandError = invalid.error();
                case Command.Pay pay -> {
                    // not a merchant's verb mid-flow: read the text as the answer
                }
                case Command.MarkPaid paid -> {
                    // recorded outside a flow only (paid is not in COMMAND_VERBS): read the text as the answer
                }
                case Command.Unknown unknown -> {
                    // a name or description that happens to start with a verb
                }
            }
        }
        return answer(state, raw, word, now, Optional.ofNullable(commandError));
    }

    private Transition guidedButton(Guided state, String buttonId, Instant now) {
        if (buttonId.equals(BotCopy.CANCEL.id())) {
            return cancelled();
        }
        if (buttonId.equals(BotCopy.NEW_INVOICE.id())) {
            return startFlow(now);
        }
        Optional<Command> command = invoiceButtonCommand(buttonId);
        if (command.isPresent()) {
            return run(touched(state, now), command.get());
        }
        return switch (state) {
            case CollectingName s when buttonId.equals(BotCopy.SKIP.id()) -> acceptName(s, Optional.empty(), now);
            case CollectingDueDate s when buttonId.equals(BotCopy.SKIP.id()) ->
                    backToConfirm(s.draft().withDueDate(Optional.empty()), now);
            case Confirming s -> confirmChoice(s, buttonId, Optional.empty(), now);
            case ChoosingEdit s -> editChoice(s, buttonId, Optional.empty(), now);
            default -> say(touched(state, now), question(state));
        };
    }

    /** The text as the answer to the open question. */
    private Transition answer(Guided state, String raw, String word, Instant now,
            Optional<FieldError> commandError) {
        return switch (state) {
            case CollectingPhone s -> switch (Msisdn.parse(raw)) {
                case Parsed.Ok<Msisdn> ok -> {
                    InvoiceDraft draft = s.draft().withCustomer(new CustomerRef.ByPhone(ok.value()));
                    yield ask(new CollectingName(draft, s.editing(), now, false));
                }
                case Parsed.Rejected<Msisdn> rejected -> rejected(s, rejected.error(), commandError, now);
            };
            case CollectingName s when word.equals("skip") -> acceptName(s, Optional.empty(), now);
            case CollectingName s -> switch (CustomerName.parseOptional(raw)) {
                case Parsed.Ok<Optional<CustomerName>> ok -> acceptName(s, ok.value(), now);
                case Parsed.Rejected<Optional<CustomerName>> rejected ->
                        rejected(s, rejected.error(), commandError, now);
            };
            case CollectingAmount s -> switch (Amount.parse(raw)) {
                case Parsed.Ok<Amount> ok -> {
                    InvoiceDraft draft = s.draft().withAmount(ok.value());
                    yield s.editing() ? backToConfirm(draft, now)
                            : ask(new CollectingDescription(draft, false, now, false));
                }
                case Parsed.Rejected<Amount> rejected -> rejected(s, rejected.error(), commandError, now);
            };
            case CollectingDescription s -> switch (Description.parse(raw)) {
                case Parsed.Ok<Description> ok -> {
                    InvoiceDraft draft = s.draft().withDescription(ok.value());
                    yield s.editing() ? backToConfirm(draft, now)
                            : ask(new CollectingDueDate(draft, false, now, false));
                }
                case Parsed.Rejected<Description> rejected -> rejected(s, rejected.error(), commandError, now);
            };
            case CollectingDueDate s -> word.equals("skip") || word.equals("ruka")
                    ? backToConfirm(s.draft().withDueDate(Optional.empty()), now)
                    : switch (DueClauseParser.parse(raw)) {
                        case Parsed.Ok<DueClause> ok -> switch (ok.value().resolve(DueDates.today(now))) {
                            case Parsed.Ok<LocalDate> day ->
                                    backToConfirm(s.draft().withDueDate(Optional.of(day.value())), now);
                            case Parsed.Rejected<LocalDate> rejected ->
                                    rejected(s, rejected.error(), commandError, now);
                        };
                        case Parsed.Rejected<DueClause> rejected -> rejected(s, rejected.error(), commandError, now);
                    };
            case Confirming s -> confirmChoice(s, switch (word) {
                case "send", "yes" -> BotCopy.SEND.id();
                case "edit" -> BotCopy.EDIT.id();
                default -> "";
            }, commandError, now);
            case ChoosingEdit s -> editChoice(s, switch (word) {
                case "amount" -> BotCopy.EDIT_AMOUNT.id();
                case "description" -> BotCopy.EDIT_DESCRIPTION.id();
                case "customer" -> BotCopy.EDIT_CUSTOMER.id();
                default -> "";
            }, commandError, now);
        };
    }

    private Transition acceptName(CollectingName state, Optional<CustomerName> name, Instant now) {
        InvoiceDraft draft = state.draft().withName(name);
        return state.editing() ? backToConfirm(draft, now) : ask(new CollectingAmount(draft, false, now, false));
    }

    private Transition confirmChoice(Confirming state, String choice, Optional<FieldError> commandError,
            Instant now) {
        if (choice.equals(BotCopy.SEND.id())) {
            return new Transition(IDLE, List.of(), List.of(new CreateAndSendInvoice(state.draft())));
        }
        if (choice.equals(BotCopy.EDIT.id())) {
            return ask(new ChoosingEdit(state.draft(), now, false));
        }
        return useButtons(state, commandError, now);
    }

    private Transition editChoice(ChoosingEdit state, String choice, Optional<FieldError> commandError,
            Instant now) {
        InvoiceDraft draft = state.draft();
        if (choice.equals(BotCopy.EDIT_AMOUNT.id())) {
            return ask(new CollectingAmount(draft, true, now, false));
        }
        if (choice.equals(BotCopy.EDIT_DESCRIPTION.id())) {
            return ask(new CollectingDescription(draft, true, now, false));
        }
        if (choice.equals(BotCopy.EDIT_CUSTOMER.id())) {
            return ask(new CollectingPhone(draft, true, now, false));
        }
        return useButtons(state, commandError, now);
    }

    private Transition useButtons(Guided state, Optional<FieldError> commandError, Instant now) {
        String text = commandError.map(error -> BotCopy.invalidInput(lang, "", error))
                .orElse(BotCopy.useButtons(lang));
        return say(touched(state, now), new Reply(text, question(state).buttons()));
    }

    /** An answer the step cannot take: say why (the parser's reason when the text was a command) and stay. */
    private Transition rejected(Guided state, FieldError stepError, Optional<FieldError> commandError,
            Instant now) {
        String text = BotCopy.invalidInput(lang, "", commandError.orElse(stepError));
        return say(touched(state, now), new Reply(text, question(state).buttons()));
    }

    /** After an edit: back to the preview, or on to whatever is still missing. */
    private Transition backToConfirm(InvoiceDraft draft, Instant now) {
        if (draft.isComplete()) {
            return ask(new Confirming(draft, now, false));
        }
        if (draft.customer().isEmpty()) {
            return ask(new CollectingPhone(draft, false, now, false));
        }
        if (draft.amount().isEmpty()) {
            return ask(new CollectingAmount(draft, false, now, false));
        }
        return ask(new CollectingDescription(draft, false, now, false));
    }

    private Transition replaceDraft(InvoiceDraft draft, Instant now) {
        Confirming next = new Confirming(draft, now, false);
        return new Transition(next, List.of(Reply.of(BotCopy.draftReplaced(lang)), question(next)), List.of());
    }

    private Transition startFlow(Instant now) {
        return ask(new CollectingPhone(InvoiceDraft.EMPTY, false, now, false));
    }

    private Transition cancelled() {
        return say(IDLE, Reply.of(BotCopy.flowCancelled(lang)));
    }

    private Transition help(Guided state, Instant now) {
        Guided next = touched(state, now);
        return new Transition(next, List.of(Reply.of(BotCopy.flowHelp(lang)), question(next)), List.of());
    }

    // ---- clock --------------------------------------------------------------------------------------------

    private Transition tick(Guided state, Instant now, ChatTimeouts timeouts) {
        Duration quiet = Duration.between(state.lastInputAt(), now);
        if (quiet.compareTo(timeouts.closeAfter()) >= 0) {
            return say(IDLE, Reply.of(BotCopy.sessionClosed(lang), BotCopy.newInvoice(lang)));
        }
        if (!state.nudged() && quiet.compareTo(timeouts.nudgeAfter()) >= 0) {
            return say(nudged(state), Reply.of(BotCopy.stillThere(lang)));
        }
        return nothing(state);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The question a step asks, with its buttons, in English. */
    static Reply prompt(Guided state) {
        return prompt(state, Language.EN);
    }

    /** The question a step asks, with its buttons. */
    static Reply prompt(Guided state, Language lang) {
        return switch (state) {
            case CollectingPhone s -> Reply.of(BotCopy.askPhone(lang), BotCopy.cancel(lang));
            case CollectingName s -> Reply.of(BotCopy.askName(lang), BotCopy.skip(lang), BotCopy.cancel(lang));
            case CollectingAmount s -> Reply.of(BotCopy.askAmount(lang), BotCopy.cancel(lang));
            case CollectingDescription s -> Reply.of(BotCopy.askDescription(lang), BotCopy.cancel(lang));
            case CollectingDueDate s ->
                    Reply.of(DuePhrases.ASK_DUE_DATE.in(lang).text(), BotCopy.skip(lang), BotCopy.cancel(lang));
            case Confirming s -> Reply.of(preview(s.draft(), lang), BotCopy.send(lang), BotCopy.edit(lang),
                    BotCopy.cancel(lang));
            case ChoosingEdit s -> Reply.of(BotCopy.chooseEdit(lang), BotCopy.editAmount(lang),
                    BotCopy.editDescription(lang), BotCopy.editCustomer(lang));
        };
    }

    static String preview(InvoiceDraft draft) {
        return preview(draft, Language.EN);
    }

    static String preview(InvoiceDraft draft, Language lang) {
        String to = switch (draft.customer().orElseThrow()) {
            case CustomerRef.ByPhone phone -> phone.msisdn().value();
            case CustomerRef.ByName name -> name.name();
        };
        String preview = BotCopy.preview(lang, to, draft.name(), draft.amount().orElseThrow(),
                draft.description().orElseThrow().value());
        if (draft.dueDate().isEmpty()) {
            return preview;
        }
        // the due line joins the list of the preview, before its closing question
        String due = "• " + DuePhrases.DUE_LINE.in(lang)
                .with("date", DueDates.format(draft.dueDate().get(), lang)).text();
        int question = preview.lastIndexOf("\n\n");
        return question < 0 ? preview + "\n" + due
                : preview.substring(0, question) + "\n" + due + preview.substring(question);
    }

    private Reply question(Guided state) {
        return prompt(state, lang);
    }

    /** The one-line invoice as a draft, its due clause read against today in Nairobi (a past day is refused). */
    private static Parsed<InvoiceDraft> draftOf(Command.CreateInvoice create, Instant now) {
        InvoiceDraft draft = InvoiceDraft.EMPTY.withCustomer(create.customer()).withAmount(create.amount())
                .withDescription(create.description()).withLanguage(create.language());
        if (create.due().isEmpty()) {
            return Parsed.ok(draft);
        }
        return create.due().get().resolve(DueDates.today(now)).map(day -> draft.withDueDate(Optional.of(day)));
    }

    /** {@code remind_INV-…}, {@code cancel_INV-…}, {@code pay_INV-…}, {@code view_INV-…}. */
    private static Optional<Command> invoiceButtonCommand(String buttonId) {
        if (buttonId.startsWith(BotCopy.REMIND_BUTTON_PREFIX)) {
            return invoiceId(buttonId, BotCopy.REMIND_BUTTON_PREFIX).map(Command.Remind::new);
        }
        if (buttonId.startsWith(BotCopy.CANCEL_INVOICE_BUTTON_PREFIX)) {
            return invoiceId(buttonId, BotCopy.CANCEL_INVOICE_BUTTON_PREFIX).map(Command.Cancel::new);
        }
        if (buttonId.startsWith(BotCopy.PAY_BUTTON_PREFIX)) {
            return invoiceId(buttonId, BotCopy.PAY_BUTTON_PREFIX).map(Command.Pay::new);
        }
        if (buttonId.startsWith(BotCopy.VIEW_BUTTON_PREFIX)) {
            return invoiceId(buttonId, BotCopy.VIEW_BUTTON_PREFIX).map(Command.Status::new);
        }
        return Optional.empty();
    }

    private static Optional<InvoiceId> invoiceId(String buttonId, String prefix) {
        return switch (InvoiceId.parse(buttonId.substring(prefix.length()))) {
            case Parsed.Ok<InvoiceId> ok -> Optional.of(ok.value());
            case Parsed.Rejected<InvoiceId> rejected -> Optional.empty();
        };
    }

    /** The same step, with the merchant's activity recorded. */
    private static Guided touched(Guided state, Instant now) {
        return switch (state) {
            case CollectingPhone s -> new CollectingPhone(s.draft(), s.editing(), now, false);
            case CollectingName s -> new CollectingName(s.draft(), s.editing(), now, false);
            case CollectingAmount s -> new CollectingAmount(s.draft(), s.editing(), now, false);
            case CollectingDescription s -> new CollectingDescription(s.draft(), s.editing(), now, false);
            case CollectingDueDate s -> new CollectingDueDate(s.draft(), s.editing(), now, false);
            case Confirming s -> new Confirming(s.draft(), now, false);
            case ChoosingEdit s -> new ChoosingEdit(s.draft(), now, false);
        };
    }

    private static Guided nudged(Guided state) {
        return switch (state) {
            case CollectingPhone s -> new CollectingPhone(s.draft(), s.editing(), s.lastInputAt(), true);
            case CollectingName s -> new CollectingName(s.draft(), s.editing(), s.lastInputAt(), true);
            case CollectingAmount s -> new CollectingAmount(s.draft(), s.editing(), s.lastInputAt(), true);
            case CollectingDescription s -> new CollectingDescription(s.draft(), s.editing(), s.lastInputAt(), true);
            case CollectingDueDate s -> new CollectingDueDate(s.draft(), s.editing(), s.lastInputAt(), true);
            case Confirming s -> new Confirming(s.draft(), s.lastInputAt(), true);
            case ChoosingEdit s -> new ChoosingEdit(s.draft(), s.lastInputAt(), true);
        };
    }

    private static String normalise(String raw) {
        return ke.invoiceiq.domain.shared.Text.squash(raw).toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String normalised) {
        int space = normalised.indexOf(' ');
        return space < 0 ? normalised : normalised.substring(0, space);
    }

    private Transition ask(Guided next) {
        return say(next, question(next));
    }

    private static Transition say(ChatState next, Reply reply) {
        return new Transition(next, List.of(reply), List.of());
    }

    private static Transition run(ChatState next, Command command) {
        return new Transition(next, List.of(), List.of(new RunCommand(command)));
    }

    private static Transition nothing(ChatState state) {
        return new Transition(state, List.of(), List.of());
    }
}
