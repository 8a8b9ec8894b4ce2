package ke.invoiceiq.adapters.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * How a simulated STK push ends, chosen by the amount like a test card number (docs/daraja.md): the last digits of
 * the amount in whole shillings decide.
 *
 * <table>
 * <caption>amount rule</caption>
 * <tr><th>amount ends in</th><th>ResultCode</th><th>ResultDesc</th></tr>
 * <tr><td>1032</td><td>1032</td><td>Request cancelled by user</td></tr>
 * <tr><td>1037</td><td>1037</td><td>DS timeout user cannot be reached</td></tr>
 * <tr><td>2001</td><td>2001</td><td>The initiator information is invalid.</td></tr>
 * <tr><td>0001</td><td>1</td><td>The balance is insufficient for the transaction.</td></tr>
 * <tr><td>anything else</td><td>0</td><td>The service request is processed successfully.</td></tr>
 * </table>
 *
 * "Ends in" is about the written amount: 1032 and 21032 are cancelled, 32 is paid; 10001 is refused for want of
 * funds, 1 is paid. Pressing Cancel on the prompt is always {@link #CANCELLED}.
 */
public record StkOutcome(int resultCode, String resultDesc) {

    public static final StkOutcome PAID = new StkOutcome(0, "The service request is processed successfully.");
    public static final StkOutcome CANCELLED = new StkOutcome(1032, "Request cancelled by user");
    public static final StkOutcome UNREACHABLE = new StkOutcome(1037, "DS timeout user cannot be reached");
    public static final StkOutcome WRONG_PIN = new StkOutcome(2001, "The initiator information is invalid.");
    public static final StkOutcome INSUFFICIENT_FUNDS =
            new StkOutcome(1, "The balance is insufficient for the transaction.");
    /** The answer to a query about a push the sandbox has forgotten (it keeps them in memory only). */
    public static final StkOutcome EXPIRED = new StkOutcome(1019, "Transaction has expired");

    /** The suffixes of the amount rule, in the order they are tried. */
    static final List<Rule> RULES = List.of(
            new Rule("1032", CANCELLED),
            new Rule("1037", UNREACHABLE),
            new Rule("2001", WRONG_PIN),
            new Rule("0001", INSUFFICIENT_FUNDS));

    public StkOutcome {
        Objects.requireNonNull(resultDesc, "resultDesc");
    }

    /** One line of the amount rule. */
    record Rule(String suffix, StkOutcome outcome) {
    }

    /** The outcome for an amount in whole shillings. */
    public static StkOutcome forAmount(long shillings) {
        String written = Long.toString(shillings);
        return RULES.stream().filter(rule -> written.endsWith(rule.suffix())).map(Rule::outcome).findFirst()
                .orElse(PAID);
    }

    public boolean paid() {
        return resultCode == 0;
    }
}
