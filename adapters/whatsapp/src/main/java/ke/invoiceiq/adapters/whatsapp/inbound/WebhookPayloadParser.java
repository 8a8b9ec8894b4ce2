package ke.invoiceiq.adapters.whatsapp.inbound;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.shared.Parsed;
import org.jboss.logging.Logger;

/**
 * Reads a verified webhook body (docs/whatsapp.md) into {@link WebhookEvent}s: every {@code entry[]}, every
 * {@code changes[]} with {@code field = messages}, and in each change's {@code value} every {@code messages[]},
 * {@code statuses[]} and {@code errors[]}.
 *
 * <ul>
 * <li>Routing: when a business {@code phone_number_id} is configured, a change for another one is dropped and
 * counted (DEBUG log, without the id).</li>
 * <li>Messages: {@code text} → {@link InboundContent.Text}; {@code interactive} {@code button_reply} /
 * {@code list_reply} → {@link InboundContent.ButtonTap} with the reply id; a template quick reply
 * ({@code type: button}) → {@code ButtonTap} with {@code button.payload}; everything else (image, audio,
 * location, sticker, reaction, {@code unsupported}, a type we have never heard of) →
 * {@link InboundContent.Unsupported} with the provider's type word.</li>
 * <li>The sender: {@code from} when {@link Msisdn#parse} accepts it; a missing or unusable {@code from} (a
 * username user, a foreign number) gives an empty sender, and {@code user_id} (the BSUID, from
 * {@code messages[].from_user_id} or the matching {@code contacts[]}) is passed on when present. The use case
 * decides what an unidentified sender gets.</li>
 * <li>Statuses: {@code sent}, {@code delivered}, {@code read}, {@code failed} → {@link DeliveryReport} with
 * {@code errors[0].code}; any other status word ({@code played}, …) is skipped.</li>
 * <li>{@code value.errors[]}: logged with the error code only.</li>
 * <li>Timestamps are Unix seconds in strings; a missing or unreadable one becomes the time of receipt.</li>
 * </ul>
 *
 * An element that cannot be read (not an object, no {@code id}) is skipped and counted; the rest of the payload is
 * still read. Only a body that is not a JSON object at all is refused. Nothing the sender wrote, no number and no
 * user id is ever logged: at most the kind of element, a wamid and an error code.
 */
final class WebhookPayloadParser {

    static final String PROVIDER = "whatsapp";

    private static final Logger LOG = Logger.getLogger(WebhookPayloadParser.class);
    private static final Pattern TYPE_WORD = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern LOGGABLE_ID = Pattern.compile("[A-Za-z0-9._=+/:-]{1,200}");
    private static final int MAX_ID_LENGTH = 512;

    private final ObjectReader json;
    private final Optional<String> businessPhoneId;

    WebhookPayloadParser(ObjectMapper json, Optional<String> businessPhoneId) {
        this.json = Objects.requireNonNull(json, "json").reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.businessPhoneId = businessPhoneId.map(String::strip).filter(id -> !id.isEmpty());
    }

    ParsedWebhook parse(byte[] body, Instant receivedAt) throws MalformedWebhookException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new MalformedWebhookException("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("the body is not a JSON object");
        }
        var reading = new Reading(receivedAt);
        for (JsonNode entry : array(root.path("entry"))) {
            for (JsonNode change : array(entry.path("changes"))) {
                reading.change(change);
            }
        }
        return new ParsedWebhook(reading.events, reading.otherNumber, reading.skipped);
    }

    /** The state of reading one body. */
    private final class Reading {

        private final Instant receivedAt;
        private final List<WebhookEvent> events = new ArrayList<>();
        private int otherNumber;
        private int skipped;

        Reading(Instant receivedAt) {
            this.receivedAt = receivedAt;
        }

        void change(JsonNode change) {
            if (!change.isObject()) {
                skipped++;
                return;
            }
            String field = change.path("field").asText("");
            if (!"messages".equals(field)) {
                LOG.debugf("ignored a webhook change of field %s", loggableWord(field));
                return;
            }
            JsonNode value = change.path("value");
            if (businessPhoneId.isPresent()) {
                String phoneId = value.path("metadata").path("phone_number_id").asText("");
                if (!businessPhoneId.get().equals(phoneId)) {
                    otherNumber++;
                    LOG.debug("ignored a webhook change for another business phone number id");
                    return;
                }
            }
            JsonNode contacts = value.path("contacts");
            for (JsonNode message : array(value.path("messages"))) {
                message(message, contacts);
            }
            for (JsonNode status : array(value.path("statuses"))) {
                status(status);
            }
            for (JsonNode error : array(value.path("errors"))) {
                LOG.warnf("WhatsApp reported an error in a webhook: code %s", errorCode(error).orElse("none"));
            }
        }

        private void message(JsonNode message, JsonNode contacts) {
            Optional<String> id = text(message, "id").filter(s -> s.length() <= MAX_ID_LENGTH);
            if (!message.isObject() || id.isEmpty()) {
                skipped++;
                LOG.warn("skipped a webhook message without an id");
                return;
            }
            Optional<String> rawFrom = text(message, "from");
            Optional<Msisdn> from = rawFrom.flatMap(WebhookPayloadParser::msisdn);
            Optional<String> userId = text(message, "from_user_id")
                    .or(() -> contactUserId(contacts, rawFrom))
                    .filter(s -> s.length() <= MAX_ID_LENGTH);
            InboundContent content = content(message);
            events.add(new WebhookEvent.Message(new InboundMessage(PROVIDER, id.get(), Channel.WHATSAPP, from,
                    userId, content, timestamp(message))));
        }

        private void status(JsonNode status) {
            Optional<String> id = text(status, "id").filter(s -> s.length() <= MAX_ID_LENGTH);
            if (!status.isObject() || id.isEmpty()) {
                skipped++;
                LOG.warn("skipped a webhook status without an id");
                return;
            }
            String word = status.path("status").asText("");
            Optional<DeliveryStatus> known = switch (word.toLowerCase(Locale.ROOT)) {
                case "sent" -> Optional.of(DeliveryStatus.SENT);
                case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
                case "read" -> Optional.of(DeliveryStatus.READ);
                case "failed" -> Optional.of(DeliveryStatus.FAILED);
                default -> Optional.empty();
            };
            if (known.isEmpty()) {
                skipped++;
                LOG.debugf("ignored a webhook status %s for %s", loggableWord(word), loggableId(id.get()));
                return;
            }
            Optional<String> errorCode = array(status.path("errors")).stream().findFirst()
                    .flatMap(WebhookPayloadParser::errorCode);
            events.add(new WebhookEvent.Status(new DeliveryReport(Channel.WHATSAPP, id.get(), known.get(), errorCode,
                    timestamp(status))));
        }

        private Instant timestamp(JsonNode node) {
            JsonNode ts = node.path("timestamp");
            String digits = ts.isNumber() ? ts.asText() : ts.asText("").strip();
            if (!digits.matches("\\d{1,12}")) {
                return receivedAt;
            }
            return Instant.ofEpochSecond(Long.parseLong(digits));
        }
    }

    private static InboundContent content(JsonNode message) {
        String type = message.path("type").asText("");
        return switch (type) {
            case "text" -> text(message.path("text"), "body").<InboundContent>map(InboundContent.Text::new)
                    .orElseGet(() -> new InboundContent.Unsupported("text"));
            case "interactive" -> interactive(message.path("interactive"));
            case "button" -> text(message.path("button"), "payload")
                    .<InboundContent>map(InboundContent.ButtonTap::new)
                    .orElseGet(() -> new InboundContent.Unsupported("button"));
            default -> new InboundContent.Unsupported(loggableWord(type));
        };
    }

    private static InboundContent interactive(JsonNode interactive) {
        String kind = interactive.path("type").asText("");
        if ("button_reply".equals(kind) || "list_reply".equals(kind)) {
            Optional<String> replyId = text(interactive.path(kind), "id");
            if (replyId.isPresent()) {
                return new InboundContent.ButtonTap(replyId.get());
            }
        }
        return new InboundContent.Unsupported("interactive");
    }

    /** The {@code user_id} of the contact this message came from: the one whose {@code wa_id} is the sender, else the only one. */
    private static Optional<String> contactUserId(JsonNode contacts, Optional<String> rawFrom) {
        List<JsonNode> all = array(contacts);
        if (rawFrom.isPresent()) {
            for (JsonNode contact : all) {
                if (rawFrom.get().equals(contact.path("wa_id").asText(null))) {
                    return text(contact, "user_id");
                }
            }
        }
        return all.size() == 1 ? text(all.get(0), "user_id") : Optional.empty();
    }

    private static Optional<Msisdn> msisdn(String raw) {
        return Msisdn.parse(raw) instanceof Parsed.Ok<Msisdn> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** An error element's {@code code}, digits only (anything else is not passed on, nor logged). */
    private static Optional<String> errorCode(JsonNode error) {
        JsonNode code = error.path("code");
        String s = code.isNumber() || code.isTextual() ? code.asText().strip() : "";
        return s.matches("\\d{1,9}") ? Optional.of(s) : Optional.empty();
    }

    /** A non-blank string field, or empty (missing, null, not a string). */
    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static List<JsonNode> array(JsonNode node) {
        if (!node.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }

    /** A provider's type or status word that is safe to log and to pass on; anything odd becomes {@code unknown}. */
    static String loggableWord(String word) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
        return TYPE_WORD.matcher(w).matches() ? w : "unknown";
    }

    /** A wamid as it may be logged: kept when it is a plain token, else replaced. */
    static String loggableId(String id) {
        return id != null && LOGGABLE_ID.matcher(id).matches() ? id : "<unprintable id>";
    }
}
