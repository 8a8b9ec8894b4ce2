package ke.invoiceiq.adapters.africastalking.outbound;

import java.util.Arrays;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.SendResult;

/**
 * Africa's Talking's per-recipient {@code statusCode} in the send answer (docs/sms.md) and what each one means
 * for us. The code we return is AT's name in kebab-case ({@code RiskHold} → {@code risk-hold}).
 *
 * <ul>
 * <li>{@link Kind#ACCEPTED} 100, 101, 102: taken for delivery.</li>
 * <li>{@link Kind#CONFIGURATION} 401 RiskHold, 402 InvalidSenderId, 405 InsufficientBalance: our account or sender id
 * is at fault; every SMS fails the same way until an operator acts.</li>
 * <li>{@link Kind#UNDELIVERABLE} 403, 404, 406, 407, 409, 502: this number cannot get it; sending again is a second
 * bill for the same refusal.</li>
 * <li>{@link Kind#TRANSIENT} 500 InternalServerError, 501 GatewayError: AT or the telco broken for a moment.</li>
 * </ul>
 */
enum RecipientStatus {
    PROCESSED(100, "Processed", Kind.ACCEPTED),
    SENT(101, "Sent", Kind.ACCEPTED),
    QUEUED(102, "Queued", Kind.ACCEPTED),
    RISK_HOLD(401, "RiskHold", Kind.CONFIGURATION),
    INVALID_SENDER_ID(402, "InvalidSenderId", Kind.CONFIGURATION),
    INVALID_PHONE_NUMBER(403, "InvalidPhoneNumber", Kind.UNDELIVERABLE),
    UNSUPPORTED_NUMBER_TYPE(404, "UnsupportedNumberType", Kind.UNDELIVERABLE),
    INSUFFICIENT_BALANCE(405, "InsufficientBalance", Kind.CONFIGURATION),
    USER_IN_BLACKLIST(406, "UserInBlacklist", Kind.UNDELIVERABLE),
    COULD_NOT_ROUTE(407, "CouldNotRoute", Kind.UNDELIVERABLE),
    DO_NOT_DISTURB_REJECTION(409, "DoNotDisturbRejection", Kind.UNDELIVERABLE),
    INTERNAL_SERVER_ERROR(500, "InternalServerError", Kind.TRANSIENT),
    GATEWAY_ERROR(501, "GatewayError", Kind.TRANSIENT),
    REJECTED_BY_GATEWAY(502, "RejectedByGateway", Kind.UNDELIVERABLE);

    enum Kind {
        ACCEPTED,
        CONFIGURATION,
        UNDELIVERABLE,
        TRANSIENT
    }

    private final int statusCode;
    private final String atName;
    private final Kind kind;

    RecipientStatus(int statusCode, String atName, Kind kind) {
        this.statusCode = statusCode;
        this.atName = atName;
        this.kind = kind;
    }

    static Optional<RecipientStatus> ofCode(int statusCode) {
        return Arrays.stream(values()).filter(s -> s.statusCode == statusCode).findFirst();
    }

    /** By AT's name ({@code status} of a recipient, or {@code Message} of an answer without recipients). */
    static Optional<RecipientStatus> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values()).filter(s -> s.atName.equalsIgnoreCase(wanted)).findFirst();
    }

    Kind kind() {
        return kind;
    }

    /** {@code risk-hold}, {@code user-in-blacklist}, …: AT's name in kebab-case. */
    String code() {
        return Codes.fromText(atName, "status-" + statusCode);
    }

    /**
     * The send result for a recipient with this status. Accepted needs AT's {@code messageId}: without one (or
     * with AT's {@code None}) the delivery reports could never be matched, so the outbox is asked to try again.
     */
    SendResult result(Optional<String> messageId) {
        return switch (kind) {
            case ACCEPTED -> messageId.<SendResult>map(SendResult.Accepted::new)
                    .orElseGet(() -> new SendResult.RetryLater("no-message-id", Optional.empty()));
            case CONFIGURATION -> new SendResult.Misconfigured(code());
            case UNDELIVERABLE -> new SendResult.Undeliverable(code());
            case TRANSIENT -> new SendResult.RetryLater(code(), Optional.empty());
        };
    }
}
