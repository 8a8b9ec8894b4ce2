package ke.invoiceiq.adapters.africastalking.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.SendResult;

/**
 * Reads the body of a successful send answer (HTTP 201, docs/sms.md) into a {@link SendResult}. AT answers 201
 * even when it refused the recipient, so the status of the recipient decides, never the HTTP status.
 *
 * <ul>
 * <li>We send to one number, so the recipient is the one whose {@code number} is ours, or else the first.</li>
 * <li>Its {@code statusCode} (a number, or a number in a string) is looked up in {@link RecipientStatus}; without
 * one, its {@code status} word; an unknown code gives {@code RetryLater("status-<code>")}.</li>
 * <li>No recipients at all ({@code {"SMSMessageData":{"Message":"InvalidPhoneNumber","Recipients":[]}}}) is a
 * refusal of the whole request: when {@code Message} is one of AT's status names it is classified like that
 * status (so {@code InsufficientBalance} or {@code InvalidSenderId} is a configuration error, not a bad number);
 * otherwise it is {@code Undeliverable} with a code made from {@code Message}.</li>
 * <li>A body that is not that JSON gives {@code RetryLater("unreadable-answer")}.</li>
 * </ul>
 */
final class SendAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SendAnswers() {
    }

    /** The result for {@code recipient} ({@code +2547…}) in {@code body}. */
    static SendResult read(String body, String recipient) {
        JsonNode data;
        try {
            data = body == null ? null : JSON.readTree(body).get("SMSMessageData");
        } catch (Exception notJson) {
            data = null;
        }
        if (data == null || !data.isObject()) {
            return new SendResult.RetryLater("unreadable-answer", Optional.empty());
        }
        JsonNode recipients = data.get("Recipients");
        if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
            return noRecipients(text(data, "Message"));
        }
        return outcome(pick(recipients, recipient));
    }

    private static SendResult noRecipients(Optional<String> message) {
        Optional<RecipientStatus> named = message.flatMap(RecipientStatus::ofName)
                .filter(s -> s.kind() != RecipientStatus.Kind.ACCEPTED);
        if (named.isPresent()) {
            return named.get().result(Optional.empty());
        }
        return new SendResult.Undeliverable(Codes.fromText(message.orElse(null), "no-recipients"));
    }

    private static JsonNode pick(JsonNode recipients, String recipient) {
        String wanted = digits(recipient);
        for (JsonNode candidate : recipients) {
            if (!wanted.isEmpty() && wanted.equals(digits(text(candidate, "number").orElse("")))) {
                return candidate;
            }
        }
        return recipients.get(0);
    }

    private static SendResult outcome(JsonNode recipient) {
        Optional<Integer> statusCode = statusCode(recipient);
        Optional<RecipientStatus> status = statusCode.isPresent() ? statusCode.flatMap(RecipientStatus::ofCode)
                : text(recipient, "status").flatMap(RecipientStatus::ofName);
        if (status.isEmpty()) {
            return new SendResult.RetryLater("status-" + statusCode.map(String::valueOf).orElse("unknown"),
                    Optional.empty());
        }
        Optional<String> messageId = text(recipient, "messageId").filter(id -> !id.equalsIgnoreCase("None"));
        return status.get().result(messageId);
    }

    private static Optional<Integer> statusCode(JsonNode recipient) {
        JsonNode code = recipient.get("statusCode");
        if (code == null || code.isNull()) {
            return Optional.empty();
        }
        if (code.isIntegralNumber()) {
            return Optional.of(code.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(code.asText().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String s = value.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String digits(String s) {
        return s == null ? "" : s.replaceAll("\\D", "");
    }
}
