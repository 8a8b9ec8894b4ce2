package ke.invoiceiq.domain.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.DueClause;
import ke.invoiceiq.domain.due.DueClauseParser;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.FieldError;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/**
 * Reads one line of text into a {@link Command}. Pure, and never throws: {@code null}, blank text, emoji or
 * control characters end in {@link Command.Unknown} or {@link Command.Invalid}, never in an exception.
 *
 * <p>Grammar (verbs case-insensitive; any run of spaces, tabs and newlines counts as one space):
 * <pre>
 * invoice &lt;phone_or_name&gt; &lt;amount&gt; &lt;description…&gt;   → CreateInvoice (also after "new invoice")
 *   … [due &lt;date&gt; | in &lt;n&gt; days]                         → with a due clause (DueClauseParser)
 * invoice … sw | invoice … en                       → CreateInvoice in that language (TrailingLanguage, after any due clause)
 * invoice | new | new invoice | invoice mpya          → StartGuidedFlow
 * lang | lugha &lt;phone&gt; sw|en                          → SetLanguage
 * remind | cancel | status | pay &lt;invoice id&gt;         → Remind | Cancel | Status | Pay
 * paid &lt;invoice id&gt; [amount] cash|bank|other [note…] → MarkPaid ({@link #paid})
 * list | list invoices                                → ListInvoices
 * help | ? | menu                                     → Help (trailing words ignored)
 * anything else                                       → Unknown, whose hint shows the grammar
 * </pre>
 * The first word may also be its Swahili: {@code ankara}, {@code kumbusha}, {@code ghairi}, {@code hali},
 * {@code lipa}, {@code orodha}, {@code msaada}, {@code lugha} ({@link VerbSynonyms}); an {@link Command.Invalid}
 * names the English verb.
 *
 * <p>Rules for {@code invoice}:
 * <ul>
 * <li>A customer that starts with a digit or {@code +} is a phone, never a name: {@code invoice 123456 …} is an
 *     invalid phone, and a name made of digits does not exist. A phone may be typed in up to five groups
 *     ({@code +254 712 345 678}); the fewest groups that make a valid number win, so the amount is never eaten.</li>
 * <li>After a phone the amount comes next. After a name, the name ends at the first token that reads as an
 *     amount, valid or not ({@code invoice Mama Njeri 1,200 Sukuma}); so {@code invoice Mama Njeri 0 eggs} is a
 *     bad amount, not a longer name. A valid phone where the amount should be means the merchant put the phone
 *     after a name: that is rejected with the correct order, rather than read as a huge amount.</li>
 * <li>Currency may be a separate word before the number ({@code KES 2500}, {@code Ksh. 2500}) or glued to it
 *     ({@code ksh2500}); a separate {@code KES}/{@code Ksh}/{@code /=} right after the number is also skipped.</li>
 * </ul>
 *
 * <p>A known verb with a missing or bad argument is {@link Command.Invalid}, whose error names the field, the
 * expected form and, where it helps, an example. Bare {@code cancel} is therefore {@code Invalid("cancel",
 * INVOICE_ID)}: during a guided flow the chat machine reads {@code cancel} (stop the flow) itself before it asks
 * this parser, so outside a flow the merchant must say which invoice.
 */
public final class CommandParser {

    static final String INVOICE_EXAMPLE = "invoice 0712345678 2500 Cleaning";
    static final String ID_EXAMPLE = "INV-7K3Q9X";

    private static final String EXAMPLE_LINE = "\nExample: " + INVOICE_EXAMPLE;
    private static final String INVOICE = "invoice";

    /** At most {@code 07 12 34 56 78}: five groups. */
    private static final int MAX_PHONE_GROUPS = 5;
    private static final Pattern PHONE_START = Pattern.compile("[+(]*[+0-9].*", Pattern.DOTALL);
    private static final Pattern CURRENCY_PREFIX = Pattern.compile("(?:kes|kshs?|shs?)\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("kes|kshs?|/=|/-", Pattern.CASE_INSENSITIVE);

    private CommandParser() {
    }

    public static Command parse(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return unknown();
        }
        List<String> args = words.subList(1, words.size());
        return switch (VerbSynonyms.canonical(words.getFirst())) {
            case "invoice" -> args.isEmpty() || isNew(args) ? new Command.StartGuidedFlow() : invoice(args);
            case "lang", "language" -> language(args);
            case "new" -> newInvoice(args);
            case "remind" -> withInvoiceId("remind", args, Command.Remind::new);
            case "cancel" -> withInvoiceId("cancel", args, Command.Cancel::new);
            case "status" -> withInvoiceId("status", args, Command.Status::new);
            case "pay" -> withInvoiceId("pay", args, Command.Pay::new);
            case "paid" -> paid(args);
            case "list" -> list(args);
            case "help", "?", "menu" -> new Command.Help();
            default -> unknown();
        };
    }

    private static List<String> words(String text) {
        String squashed = Text.squash(text);
        return squashed.isEmpty() ? List.of() : List.of(squashed.split(" "));
    }

    private static Command unknown() {
        return new Command.Unknown(BotCopy.unknownCommand());
    }

    private static Command newInvoice(List<String> args) {
        if (args.isEmpty()) {
            return new Command.StartGuidedFlow();
        }
        if (!VerbSynonyms.canonical(args.getFirst()).equals(INVOICE)) {
            return unknown();
        }
        List<String> rest = args.subList(1, args.size());
        return rest.isEmpty() ? new Command.StartGuidedFlow() : invoice(rest);
    }

    /** {@code ankara mpya}: Swahili puts "new" after the noun. */
    private static boolean isNew(List<String> args) {
        return args.size() == 1 && VerbSynonyms.canonical(args.getFirst()).equals("new");
    }

    // ---- lang <phone> sw|en ----------------------------------------------------------------------------------

    private static final String LANG_EXAMPLE = " Example: lang 0712345678 sw (or en)";

    private static Command language(List<String> args) {
        if (args.size() < 2) {
            boolean phoneOnly = args.size() == 1 && Msisdn.parse(args.getFirst()).isOk();
            return phoneOnly
                    ? invalid("lang", Field.COMMAND, "Which language: sw or en?" + LANG_EXAMPLE)
                    : invalid("lang", Field.PHONE, "Say whose language and which one." + LANG_EXAMPLE);
        }
        String tag = args.getLast().toLowerCase(Locale.ROOT);
        Optional<Language> language = switch (tag) {
            case "swahili", "kiswahili" -> Optional.of(Language.SW);
            case "english", "kiingereza" -> Optional.of(Language.EN);
            default -> tag.equals("sw") || tag.equals("en")
                    ? Language.fromTag(tag) : Optional.empty();
        };
        if (language.isEmpty()) {
            return invalid("lang", Field.COMMAND, "Unknown language \"" + args.getLast() + "\"." + LANG_EXAMPLE);
        }
        return switch (Msisdn.parse(String.join("", args.subList(0, args.size() - 1)))) {
            case Parsed.Ok<Msisdn> ok -> new Command.SetLanguage(ok.value(), language.get());
            case Parsed.Rejected<Msisdn> r -> invalid("lang", Field.PHONE, r.error().message() + LANG_EXAMPLE);
        };
    }

    private static Command list(List<String> args) {
        boolean plain = args.isEmpty() || (args.size() == 1 && args.getFirst().equalsIgnoreCase("invoices"));
        return plain ? new Command.ListInvoices() : unknown();
    }

    // ---- remind / cancel / status / pay ---------------------------------------------------------------------

    private static Command withInvoiceId(String verb, List<String> args, Function<InvoiceId, Command> command) {
        String example = " Example: " + verb + " " + ID_EXAMPLE;
        if (args.isEmpty()) {
            return invalid(verb, Field.INVOICE_ID, "Invoice id is missing." + example);
        }
        // The whole rest of the line is the id, so "remind INV 7K3Q9X" (with a space) still reads.
        return switch (InvoiceId.parse(String.join(" ", args))) {
            case Parsed.Ok<InvoiceId> ok -> command.apply(ok.value());
            case Parsed.Rejected<InvoiceId> r -> invalid(verb, Field.INVOICE_ID,
                    "Invalid invoice id. " + r.error().message() + example);
        };
    }

    // ---- paid <invoice id> [amount] <method> [note…] -------------------------------------------------------------

    static final String PAID = "paid";

    /** The method words of {@code paid}, read case-insensitively. */
    static final Map<String, PaidOutside.Method> METHODS = Map.of(
            "cash", PaidOutside.Method.CASH,
            "bank", PaidOutside.Method.BANK_TRANSFER,
            "other", PaidOutside.Method.OTHER);

    /** The language the parser's own {@code paid} errors are in, until the merchant's language is known here. */
    private static final Language PAID_LANGUAGE = Language.EN;

    /**
     * {@code paid <invoice id> [amount] <cash|bank|other> [note…]}: the id (also {@code INV 7K3Q9X} in two words, or
     * the six characters alone), then an optional amount (currency forgiven as for {@code invoice}), then the method
     * word, then an optional free-text note kept with the recording.
     */
    private static Command paid(List<String> args) {
        if (args.isEmpty()) {
            return invalid(PAID, Field.INVOICE_ID, CashPhrases.PAID_USAGE.in(PAID_LANGUAGE).text());
        }
        Optional<InvoiceId> id = Optional.empty();
        int next = 0;
        for (int words = 1; words <= Math.min(2, args.size()) && id.isEmpty(); words++) {
            id = looseInvoiceId(String.join(" ", args.subList(0, words)));
            next = words;
        }
        if (id.isEmpty()) {
            return invalid(PAID, Field.INVOICE_ID, "Invalid invoice id. " + InvoiceId.EXPECTED + "\n"
                    + CashPhrases.PAID_USAGE.in(PAID_LANGUAGE).text());
        }
        List<String> rest = args.subList(next, args.size());
        Optional<Amount> amount = Optional.empty();
        if (!rest.isEmpty() && !METHODS.containsKey(rest.getFirst().toLowerCase(Locale.ROOT))) {
            AmountSpan span = amountAt(rest, 0);
            switch (Amount.parse(span.text())) {
                case Parsed.Ok<Amount> ok -> {
                    amount = Optional.of(ok.value());
                    rest = rest.subList(span.end(), rest.size());
                }
                case Parsed.Rejected<Amount> r -> {
                    if (Amount.looksLikeAmount(span.text()) || CURRENCY_PREFIX.matcher(rest.getFirst()).matches()) {
                        return new Command.Invalid(PAID, r.error());
                    }
                }
            }
        }
        PaidOutside.Method method = rest.isEmpty() ? null : METHODS.get(rest.getFirst().toLowerCase(Locale.ROOT));
        if (method == null) {
            return invalid(PAID, Field.COMMAND,
                    CashPhrases.PAID_METHOD_MISSING.in(PAID_LANGUAGE).with("id", id.get().value()).text());
        }
        String note = String.join(" ", rest.subList(1, rest.size()));
        if (!note.isEmpty() && !PaidOutside.isNote(note)) {
            return invalid(PAID, Field.COMMAND, CashPhrases.PAID_NOTE_INVALID.in(PAID_LANGUAGE).text());
        }
        return new Command.MarkPaid(id.get(), amount, method, Optional.of(note).filter(n -> !n.isEmpty()));
    }

    /** An invoice id as {@link InvoiceId#parse} reads it, or its six characters without {@code INV}. */
    private static Optional<InvoiceId> looseInvoiceId(String raw) {
        for (String candidate : List.of(raw, "INV-" + raw)) {
            if (InvoiceId.parse(candidate) instanceof Parsed.Ok<InvoiceId> ok) {
                return Optional.of(ok.value());
            }
        }
        return Optional.empty();
    }

    // ---- invoice <phone_or_name> <amount> <description…> ------------------------------------------------------

    /** A trailing {@code sw}/{@code en} is taken off first, then the rest is read as if it had none. */
    private static Command invoice(List<String> words) {
        TrailingLanguage tagged = TrailingLanguage.of(words);
        List<String> args = tagged.rest();
        Command command = PHONE_START.matcher(args.getFirst()).matches() ? invoiceToPhone(args) : invoiceToName(args);
        return command instanceof Command.CreateInvoice create && tagged.language().isPresent()
                ? new Command.CreateInvoice(create.customer(), create.amount(), create.description(), create.due(),
                        tagged.language())
                : command;
    }

    private static Command invoiceToPhone(List<String> args) {
        for (int groups = 1; groups <= Math.min(MAX_PHONE_GROUPS, args.size()); groups++) {
            if (Msisdn.parse(String.join("", args.subList(0, groups))) instanceof Parsed.Ok<Msisdn> phone) {
                List<String> rest = args.subList(groups, args.size());
                if (rest.isEmpty()) {
                    return amountMissing();
                }
                return amountAndDescription(new CustomerRef.ByPhone(phone.value()), rest, amountAt(rest, 0));
            }
        }
        String why = Msisdn.parse(args.getFirst()) instanceof Parsed.Rejected<Msisdn> r
                ? r.error().message()
                : Msisdn.EXPECTED;
        return invalid(INVOICE, Field.PHONE, why + EXAMPLE_LINE);
    }

    private static Command invoiceToName(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            AmountSpan amount = amountAt(args, i);
            if (Amount.looksLikeAmount(amount.text())) {
                return i == 0 ? customerMissing() : namedCustomer(String.join(" ", args.subList(0, i)), args, amount);
            }
        }
        return amountMissing();
    }

    private static Command namedCustomer(String name, List<String> args, AmountSpan amount) {
        if (Text.hasHiddenFormatting(name)) {
            return invalid(INVOICE, Field.CUSTOMER_NAME, "Invalid customer name. It contains hidden characters that"
                    + " can change how it reads (such as text direction marks). Type it again without them, or use the"
                    + " phone number." + EXAMPLE_LINE);
        }
        int length = Text.length(name);
        if (length < CustomerName.MIN || length > CustomerName.MAX) {
            return invalid(INVOICE, Field.CUSTOMER_NAME,
                    "Invalid customer name. Use 2–60 characters, or the phone number (2547XXXXXXXX)." + EXAMPLE_LINE);
        }
        // A 9+ digit "amount" that is a valid phone: the merchant typed "invoice John 0712345678 …".
        if (!Amount.parse(amount.text()).isOk() && Msisdn.parse(amount.text()).isOk()) {
            return invalid(INVOICE, Field.PHONE,
                    "Put the phone number (or a saved name) first, then the amount in KES." + EXAMPLE_LINE);
        }
        return amountAndDescription(new CustomerRef.ByName(name), args, amount);
    }

    private static Command amountAndDescription(CustomerRef customer, List<String> args, AmountSpan span) {
        return switch (Amount.parse(span.text())) {
            case Parsed.Rejected<Amount> r -> new Command.Invalid(INVOICE, r.error());
            case Parsed.Ok<Amount> amount -> description(customer, amount.value(), args.subList(span.end(), args.size()));
        };
    }

    private static Command description(CustomerRef customer, Amount amount, List<String> all) {
        // the trailing "due 15 Dec" / "in 7 days" is read apart (DueClauseParser), the rest is the description
        DueClauseParser.Split split = DueClauseParser.split(all);
        if (split.due().orElse(null) instanceof Parsed.Rejected<DueClause> r) {
            return new Command.Invalid(INVOICE, r.error());
        }
        Optional<DueClause> due = split.due().map(Parsed::orElseThrow);
        List<String> words = split.rest();
        if (words.isEmpty()) {
            return invalid(INVOICE, Field.DESCRIPTION,
                    "Description is missing. " + Description.EXPECTED + EXAMPLE_LINE);
        }
        return switch (Description.parse(String.join(" ", words))) {
            case Parsed.Rejected<Description> r -> new Command.Invalid(INVOICE, r.error());
            case Parsed.Ok<Description> d -> new Command.CreateInvoice(customer, amount, d.value(), due, Optional.empty());
        };
    }

    /** The amount starting at {@code i}: one token, or a currency word and the number after it. */
    private static AmountSpan amountAt(List<String> words, int i) {
        boolean currencyWord = CURRENCY_PREFIX.matcher(words.get(i)).matches() && i + 1 < words.size();
        int end = currencyWord ? i + 2 : i + 1;
        String text = String.join(" ", words.subList(i, end));
        if (end < words.size() && CURRENCY_SUFFIX.matcher(words.get(end)).matches()) {
            end++;
        }
        return new AmountSpan(text, end);
    }

    /** The text to read as an amount, and the index of the first word after it (and after any currency). */
    private record AmountSpan(String text, int end) {
    }

    private static Command customerMissing() {
        return invalid(INVOICE, Field.PHONE,
                "Customer phone is missing. Start with the phone (2547XXXXXXXX) or a saved name." + EXAMPLE_LINE);
    }

    private static Command amountMissing() {
        return invalid(INVOICE, Field.AMOUNT,
                "Amount is missing. Enter a whole number in KES after the customer." + EXAMPLE_LINE);
    }

    private static Command invalid(String verb, Field field, String message) {
        return new Command.Invalid(verb, new FieldError(field, message));
    }
}
