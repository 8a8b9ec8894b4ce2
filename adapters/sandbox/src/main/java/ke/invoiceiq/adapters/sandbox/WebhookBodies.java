package ke.invoiceiq.adapters.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * WhatsApp Cloud API webhook bodies in Meta's shapes (docs/whatsapp.md): the {@code whatsapp_business_account}
 * envelope with one entry and one {@code messages} change for the business {@code phone_number_id}, carrying an
 * inbound text, a reply-button tap ({@code interactive.button_reply}), a template quick-reply tap
 * ({@code type: button}) or a status ({@code sent}, {@code delivered}, {@code read}, {@code failed}). Timestamps are
 * Unix seconds in strings; non-ASCII characters are escaped ({@code \u00e9}) as in Meta's deliveries, so the signature
 * covers the form Meta signs.
 */
final class WebhookBodies {

    /** The WhatsApp Business Account id the simulated deliveries name. */
    static final String WABA_ID = "100000000000002";

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final String phoneNumberId;

    WebhookBodies(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    /** An inbound text message. */
    byte[] text(Msisdn from, String profileName, String wamid, String body, Instant at) {
        ObjectNode message = message(from, wamid, at, "text");
        message.putObject("text").put("body", body);
        return messages(from, profileName, message);
    }

    /** A tap on a reply button of the message {@code contextId} (absent when that message is not known). */
    byte[] buttonReply(Msisdn from, String profileName, String wamid, Optional<String> contextId, String buttonId,
            String title, Instant at) {
        ObjectNode message = message(from, wamid, at, "interactive");
        contextId.ifPresent(id -> putContext(message, id));
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button_reply");
        interactive.putObject("button_reply").put("id", buttonId).put("title", title);
        return messages(from, profileName, message);
    }

    /** A tap on the quick-reply button of an approved template. */
    byte[] templateButton(Msisdn from, String profileName, String wamid, Optional<String> contextId, String payload,
            String text, Instant at) {
        ObjectNode message = message(from, wamid, at, "button");
        contextId.ifPresent(id -> putContext(message, id));
        message.putObject("button").put("payload", payload).put("text", text);
        return messages(from, profileName, message);
    }

    /** A status update of a message the business sent; a failure carries Meta's error code. */
    byte[] status(String wamid, String status, Msisdn recipient, Instant at, Optional<Integer> errorCode) {
        ObjectNode value = value();
        ObjectNode item = value.putArray("statuses").addObject();
        item.put("id", wamid);
        item.put("status", status);
        item.put("timestamp", Long.toString(at.getEpochSecond()));
        item.put("recipient_id", recipient.value());
        if (errorCode.isPresent()) {
            ObjectNode error = item.putArray("errors").addObject();
            error.put("code", errorCode.get());
            error.put("title", "Sandbox error");
            error.put("message", "Sandbox error");
            error.putObject("error_data").put("details", "Simulated by the InvoiceIQ sandbox.");
            error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        } else {
            item.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("type", "regular")
                    .put("category", "service");
        }
        return envelope(value);
    }

    private ObjectNode message(Msisdn from, String wamid, Instant at, String type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("from", from.value());
        message.put("id", wamid);
        message.put("timestamp", Long.toString(at.getEpochSecond()));
        message.put("type", type);
        return message;
    }

    private static void putContext(ObjectNode message, String contextId) {
        // "context" comes first in Meta's samples; the order of JSON members means nothing to a parser
        ObjectNode context = JSON.createObjectNode();
        context.put("from", SandboxSettings.SANDBOX_DISPLAY_NUMBER);
        context.put("id", contextId);
        message.set("context", context);
    }

    private byte[] messages(Msisdn from, String profileName, ObjectNode message) {
        ObjectNode value = value();
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", profileName);
        contact.put("wa_id", from.value());
        ArrayNode messages = value.putArray("messages");
        messages.add(message);
        return envelope(value);
    }

    private ObjectNode value() {
        ObjectNode value = JSON.createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", SandboxSettings.SANDBOX_DISPLAY_NUMBER)
                .put("phone_number_id", phoneNumberId);
        return value;
    }

    private static byte[] envelope(ObjectNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", WABA_ID);
        ObjectNode change = entry.putArray("changes").addObject();
        change.set("value", value);
        change.put("field", "messages");
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
