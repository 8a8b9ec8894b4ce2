package ke.invoiceiq.adapters.http.api;

import java.time.LocalDate;
import static ke.invoiceiq.adapters.http.api.FieldViolation.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.application.invoice.MarkInvoicePaidCommand;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.Parsed;
import ke.invoiceiq.domain.shared.Text;

/**
 * Turns request members into commands with the domain's own parsers ({@link Msisdn#parse}, {@link Amount#parse},
 * {@link Description#parse}, {@link CustomerName#parseOptional}, {@link InvoiceId#parse}), so chat and REST
 * accept and refuse exactly the same values, with the same words. This class only adds the JSON side: which
 * member, which JSON type, and a rule name for each refusal.
 */
final class InvoiceRequests {

    static final String MSISDN = "msisdn";
    static final String CUSTOMER_NAME = "customer_name";
    static final String AMOUNT_CENTS = "amount_cents";
    static final String AMOUNT = "amount";
    static final String DESCRIPTION = "description";
    static final String INVOICE_ID = "invoice_id";
    static final String METHOD = "method";
    static final String NOTE = "note";
    static final String LANGUAGE = "language";
    static final String DUE_DATE = "due_date";
    static final String PAYER_MSISDN = "payer_msisdn";

    static final Set<String> CREATE_MEMBERS = members(MSISDN, CUSTOMER_NAME, AMOUNT_CENTS, AMOUNT, DESCRIPTION,
            LANGUAGE, DUE_DATE);
    static final Set<String> STK_MEMBERS = members(INVOICE_ID, PAYER_MSISDN);
    static final Set<String> APPLY_MEMBERS = members(INVOICE_ID);
    static final Set<String> MARK_PAID_MEMBERS = members(METHOD, NOTE, AMOUNT_CENTS, AMOUNT);

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final BigInteger MAX_CENTS = BigInteger.valueOf(Amount.MAX * 100);
    private static final BigDecimal FAR_TOO_LARGE = BigDecimal.valueOf(1_000_000_000_000L);
    private static final Pattern NUMBER = Pattern.compile("(-?)\\s*(\\d[\\d,]*)(?:\\.(\\d+))?");

    private InvoiceRequests() {
    }

    /** @throws ApiProblemException a 400 naming every member to fix */
    static CreateInvoiceCommand create(ObjectNode body) {
        return create(body, Optional.empty());
    }

    /**
     * @param key the request's idempotency key in the use case's key space: a repeat returns the first invoice
     * @throws ApiProblemException a 400 naming every member to fix
     */
    static CreateInvoiceCommand create(ObjectNode body, Optional<IdempotencyKey> key) {
        var m = new Members(body);
        Optional<Msisdn> msisdn = m.requiredText(MSISDN, "\"254712345678\"")
                .flatMap(raw -> accept(m, MSISDN, Msisdn.parse(raw), error -> Rule.FORMAT));
        Optional<Optional<CustomerName>> name = m.node(CUSTOMER_NAME).isEmpty()
                ? Optional.of(Optional.empty())
                : m.optionalText(CUSTOMER_NAME, "\"Mama Njeri\"").flatMap(raw -> accept(m, CUSTOMER_NAME,
                        CustomerName.parseOptional(raw), error -> nameRule(raw)));
        Optional<Amount> amount = amount(m);
        Optional<Description> description = m.requiredText(DESCRIPTION, "\"Cleaning (Wed 3pm)\"")
                .flatMap(raw -> accept(m, DESCRIPTION, Description.parse(raw), error -> descriptionRule(raw)));
        Optional<Language> language = m.node(LANGUAGE).isEmpty() ? Optional.empty()
                : m.optionalText(LANGUAGE, "\"sw\"").flatMap(raw -> {
                    String tag = raw.strip();
                    if (!tag.equalsIgnoreCase("en") && !tag.equalsIgnoreCase("sw")) {
                        m.reject(LANGUAGE, Rule.ONE_OF, "language must be one of en, sw.");
                        return Optional.empty();
                    }
                    return Language.fromTag(tag);
                });
        Optional<Optional<LocalDate>> dueDate = dueDate(m);
        m.throwIfAny();
        return new CreateInvoiceCommand(new CustomerRef.ByPhone(msisdn.orElseThrow()), name.orElseThrow(),
                amount.orElseThrow(), description.orElseThrow(), key, language, dueDate.orElseThrow());
    }

    /**
     * {@code due_date}: optional, an ISO date ({@code 2026-12-15}), a day in Kenya. Whether it has passed is the use
     * case's to say (it knows today); here only its form is checked.
     */
    private static Optional<Optional<LocalDate>> dueDate(Members m) {
        if (m.node(DUE_DATE).isEmpty() || m.node(DUE_DATE).get().isNull()) {
            return Optional.of(Optional.empty());
        }
        return m.optionalText(DUE_DATE, "\"2026-12-15\"").flatMap(raw -> {
            try {
                return Optional.of(Optional.of(LocalDate.parse(raw.strip())));
            } catch (java.time.format.DateTimeParseException e) {
                m.reject(DUE_DATE, Rule.FORMAT, "due_date must be a date written as YYYY-MM-DD, e.g. 2026-12-15.");
                return Optional.empty();
            }
        });
    }

    /**
     * The {@code invoice_id} member of a body: the invoice of {@code POST /payments/stk/initiate} and of
     * {@code POST /payments/unmatched/{id}/apply}.
     */
    static InvoiceId invoiceMember(ObjectNode body) {
        var m = new Members(body);
        Optional<InvoiceId> id = m.requiredText(INVOICE_ID, "\"INV-7K3Q9X\"")
                .flatMap(raw -> accept(m, INVOICE_ID, InvoiceId.parse(raw), error -> Rule.FORMAT));
        m.throwIfAny();
        return id.orElseThrow();
    }

    /** The body of {@code POST /payments/stk/initiate}: the invoice, and another number to prompt if any. */
    record StkPush(InvoiceId invoiceId, Optional<Msisdn> payFrom) {
    }

    /**
     * The body of {@code POST /payments/stk/initiate}: {@code invoice_id}, required, and {@code payer_msisdn},
     * optional: another Kenyan number to send the prompt to instead of the invoiced one, read as the chat reads
     * numbers ({@link Msisdn#parse}).
     */
    static StkPush stkPush(ObjectNode body) {
        var m = new Members(body);
        Optional<InvoiceId> id = m.requiredText(INVOICE_ID, "\"INV-7K3Q9X\"")
                .flatMap(raw -> accept(m, INVOICE_ID, InvoiceId.parse(raw), error -> Rule.FORMAT));
        Optional<Optional<Msisdn>> payer = !m.has(PAYER_MSISDN)
                ? Optional.of(Optional.empty())
                : m.requiredText(PAYER_MSISDN, "\"254722000111\"")
                        .flatMap(raw -> accept(m, PAYER_MSISDN, Msisdn.parse(raw), error -> Rule.FORMAT))
                        .map(Optional::of);
        m.throwIfAny();
        return new StkPush(id.orElseThrow(), payer.orElseThrow());
    }

    /**
     * The body of {@code POST /invoices/{id}/mark-paid}: {@code method} (CASH, BANK_TRANSFER or OTHER, any case)
     * and {@code note} (3–200 characters, trimmed, no control characters), both required, and at most one of
     * {@code amount_cents} and {@code amount} (as for a new invoice), the whole balance when neither is given.
     */
    static MarkInvoicePaidCommand markPaid(InvoiceId id, ObjectNode body) {
        var m = new Members(body);
        Optional<PaidOutside.Method> method = m.requiredText(METHOD, "\"CASH\"").flatMap(raw -> {
            try {
                return Optional.of(PaidOutside.Method.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                m.reject(METHOD, Rule.ONE_OF, "method must be one of CASH, BANK_TRANSFER, OTHER.");
                return Optional.empty();
            }
        });
        Optional<String> note = m.requiredText(NOTE, "\"Cash at the shop\"").map(String::strip).flatMap(raw -> {
            int length = raw.codePointCount(0, raw.length());
            if (length < PaidOutside.MIN_NOTE || length > PaidOutside.MAX_NOTE) {
                m.reject(NOTE, length < PaidOutside.MIN_NOTE ? Rule.MIN_LENGTH : Rule.MAX_LENGTH, "note must be "
                        + PaidOutside.MIN_NOTE + " to " + PaidOutside.MAX_NOTE + " characters.");
                return Optional.empty();
            }
            if (!PaidOutside.isNote(raw)) {
                m.reject(NOTE, Rule.FORMAT, "note must not contain control characters (line breaks, tabs).");
                return Optional.empty();
            }
            return Optional.of(raw);
        });
        Optional<Optional<Amount>> amount = !m.has(AMOUNT_CENTS) && !m.has(AMOUNT)
                ? Optional.of(Optional.empty())
                : amount(m).map(Optional::of);
        m.throwIfAny();
        return new MarkInvoicePaidCommand(id, method.orElseThrow(), amount.orElseThrow(), note.orElseThrow());
    }

    /** An invoice id from a path or query parameter. */
    static InvoiceId invoiceId(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation(parameter, Rule.REQUIRED,
                    "Required: an invoice id. " + InvoiceId.EXPECTED)));
        }
        return switch (InvoiceId.parse(raw)) {
            case Parsed.Ok<InvoiceId> ok -> ok.value();
            case Parsed.Rejected<InvoiceId> rejected -> throw new ApiProblemException(Problems.validation(
                    new FieldViolation(parameter, Rule.FORMAT, rejected.error().message())));
        };
    }

    /** Exactly one of {@code amount_cents} (an integer) and {@code amount} (a number or a string of shillings). */
    private static Optional<Amount> amount(Members m) {
        boolean cents = m.has(AMOUNT_CENTS);
        boolean shillings = m.has(AMOUNT);
        if (cents && shillings) {
            m.reject(AMOUNT, Rule.EXACTLY_ONE_OF, "Give either amount_cents or amount, not both.");
            return Optional.empty();
        }
        if (!cents && !shillings) {
            m.reject(AMOUNT_CENTS, Rule.REQUIRED, "Required: amount_cents (an integer, e.g. 250000 for KES 2,500)"
                    + " or amount (whole shillings, e.g. 2500 or \"2,500\").");
            return Optional.empty();
        }
        return cents ? fromCents(m, m.node(AMOUNT_CENTS).orElseThrow())
                : fromShillings(m, m.node(AMOUNT).orElseThrow());
    }

    private static Optional<Amount> fromCents(Members m, JsonNode node) {
        if (!node.isIntegralNumber()) {
            m.wrongType(AMOUNT_CENTS, node, "an integer number of cents, e.g. 250000 for KES 2,500");
            return Optional.empty();
        }
        BigInteger cents = node.bigIntegerValue();
        if (cents.signum() <= 0) {
            m.reject(AMOUNT_CENTS, Rule.MIN, domainMessage("0") + " (amount_cents ≥ 100)");
            return Optional.empty();
        }
        if (cents.compareTo(MAX_CENTS) > 0) {
            m.reject(AMOUNT_CENTS, Rule.MAX, domainMessage(String.valueOf(Amount.MAX + 1))
                    + " (amount_cents ≤ " + MAX_CENTS + ")");
            return Optional.empty();
        }
        if (cents.mod(HUNDRED).signum() != 0) {
            m.reject(AMOUNT_CENTS, Rule.WHOLE_SHILLINGS, domainMessage("1.5")
                    + " amount_cents must be a multiple of 100 (e.g. 250000 for KES 2,500).");
            return Optional.empty();
        }
        String whole = cents.divide(HUNDRED).toString();
        return accept(m, AMOUNT_CENTS, Amount.parse(whole), error -> amountRule(whole));
    }

    private static Optional<Amount> fromShillings(Members m, JsonNode node) {
        if (node.isTextual()) {
            String raw = node.textValue();
            return accept(m, AMOUNT, Amount.parse(raw), error -> amountRule(raw));
        }
        if (!node.isNumber()) {
            m.wrongType(AMOUNT, node, "whole shillings as a number or a string, e.g. 2500 or \"2,500\"");
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() <= 0) {
            m.reject(AMOUNT, Rule.MIN, domainMessage("0"));
            return Optional.empty();
        }
        if (value.compareTo(FAR_TOO_LARGE) > 0) {
            m.reject(AMOUNT, Rule.MAX, domainMessage(String.valueOf(Amount.MAX + 1)));
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 0) {
            m.reject(AMOUNT, Rule.WHOLE_SHILLINGS, domainMessage("1.5"));
            return Optional.empty();
        }
        String whole = value.toBigInteger().toString();
        return accept(m, AMOUNT, Amount.parse(whole), error -> amountRule(whole));
    }

    /** The value, or the domain's refusal recorded against {@code field} with the rule {@code rule} names. */
    private static <T> Optional<T> accept(Members m, String field, Parsed<T> parsed,
            java.util.function.Function<String, String> rule) {
        return switch (parsed) {
            case Parsed.Ok<T> ok -> Optional.of(ok.value());
            case Parsed.Rejected<T> rejected -> {
                m.reject(field, rule.apply(rejected.error().message()), rejected.error().message());
                yield Optional.empty();
            }
        };
    }

    /** The domain's own words for an amount it refuses. */
    private static String domainMessage(String amount) {
        return switch (Amount.parse(amount)) {
            case Parsed.Rejected<Amount> rejected -> rejected.error().message();
            case Parsed.Ok<Amount> ok -> Amount.EXPECTED;
        };
    }

    /** Which rule a refused amount text broke: too small, not whole, too large, or not an amount at all. */
    static String amountRule(String raw) {
        Matcher number = NUMBER.matcher(raw);
        if (!number.find()) {
            return Rule.FORMAT;
        }
        if (!number.group(1).isEmpty()) {
            return Rule.MIN;
        }
        String fraction = number.group(3);
        if (fraction != null && fraction.chars().anyMatch(c -> c != '0')) {
            return Rule.WHOLE_SHILLINGS;
        }
        String digits = number.group(2).replace(",", "").replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            return Rule.MIN;
        }
        if (digits.length() > 12 || Long.parseLong(digits) > Amount.MAX) {
            return Rule.MAX;
        }
        return Rule.FORMAT;
    }

    private static String nameRule(String raw) {
        String squashed = Text.squash(raw);
        if (Text.hasHiddenFormatting(squashed)) {
            return Rule.FORMAT;
        }
        return Text.length(squashed) < CustomerName.MIN ? Rule.MIN_LENGTH : Rule.MAX_LENGTH;
    }

    private static String descriptionRule(String raw) {
        String squashed = Text.squash(raw);
        if (squashed.chars().anyMatch(Character::isISOControl) || Text.hasHiddenFormatting(squashed)) {
            return Rule.FORMAT;
        }
        return Text.length(squashed) < Description.MIN ? Rule.MIN_LENGTH : Rule.MAX_LENGTH;
    }

    private static Set<String> members(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}
