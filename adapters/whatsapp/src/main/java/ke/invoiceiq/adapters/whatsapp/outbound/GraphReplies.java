package ke.invoiceiq.adapters.whatsapp.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/**
 * What the Graph API answers to a send (docs/whatsapp.md): the success body and the error envelope.
 *
 * <p>Native image: {@link Sent} and {@link SentMessage} are the REST client's return type, which Quarkus registers
 * for reflection by itself; the error envelope is read by {@link GraphApi}'s own {@code ObjectMapper} inside the
 * exception mapper, which Quarkus cannot see, so {@link ErrorEnvelope} and {@link Error} are registered here.
 */
final class GraphReplies {

    private GraphReplies() {
    }

    /** {@code {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sent(@JsonProperty("messages") List<SentMessage> messages) {

        /** The id of the first message, the one status webhooks will name. */
        Optional<String> messageId() {
            if (messages == null || messages.isEmpty() || messages.get(0) == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(messages.get(0).id()).filter(id -> !id.isBlank());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SentMessage(@JsonProperty("id") String id, @JsonProperty("message_status") String messageStatus) {
    }

    /** {@code {"error":{"message":…,"type":…,"code":131056,"error_subcode":…,"is_transient":…,"fbtrace_id":…}}}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(@JsonProperty("error") Error error) {
    }

    /** The message text is never logged: it may quote the recipient. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@JsonProperty("code") Integer code, @JsonProperty("error_subcode") Integer subcode,
            @JsonProperty("type") String type, @JsonProperty("is_transient") Boolean isTransient,
            @JsonProperty("fbtrace_id") String fbtraceId) {
    }
}
