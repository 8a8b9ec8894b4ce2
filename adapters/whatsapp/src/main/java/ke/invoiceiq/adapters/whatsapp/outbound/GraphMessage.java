package ke.invoiceiq.adapters.whatsapp.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /{version}/{phone-number-id}/messages} (docs/whatsapp.md), exactly one of {@code text},
 * {@code interactive} or {@code template} set, matching {@code type}. Absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GraphMessage(
        @JsonProperty("messaging_product") String messagingProduct,
        @JsonProperty("recipient_type") String recipientType,
        @JsonProperty("to") String to,
        @JsonProperty("type") String type,
        @JsonProperty("text") TextBody text,
        @JsonProperty("interactive") Interactive interactive,
        @JsonProperty("template") Template template) {

    static final String WHATSAPP = "whatsapp";
    static final String INDIVIDUAL = "individual";

    static GraphMessage text(String to, String body) {
        return new GraphMessage(WHATSAPP, INDIVIDUAL, to, "text", new TextBody(false, body), null, null);
    }

    static GraphMessage interactive(String to, Interactive interactive) {
        return new GraphMessage(WHATSAPP, INDIVIDUAL, to, "interactive", null, interactive, null);
    }

    static GraphMessage template(String to, Template template) {
        return new GraphMessage(WHATSAPP, INDIVIDUAL, to, "template", null, null, template);
    }

    record TextBody(@JsonProperty("preview_url") boolean previewUrl, @JsonProperty("body") String body) {
    }

    /** {@code interactive.type = button}: a body and 1–3 reply buttons. */
    record Interactive(@JsonProperty("type") String type, @JsonProperty("body") Body body,
            @JsonProperty("action") Action action) {
    }

    record Body(@JsonProperty("text") String text) {
    }

    record Action(@JsonProperty("buttons") List<ReplyButton> buttons) {
    }

    record ReplyButton(@JsonProperty("type") String type, @JsonProperty("reply") Reply reply) {
    }

    record Reply(@JsonProperty("id") String id, @JsonProperty("title") String title) {
    }

    record Template(@JsonProperty("name") String name, @JsonProperty("language") Language language,
            @JsonProperty("components") List<Component> components) {
    }

    record Language(@JsonProperty("policy") String policy, @JsonProperty("code") String code) {
    }

    /** A {@code body} component (parameters only) or a {@code button} component (sub type and index too). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(@JsonProperty("type") String type, @JsonProperty("sub_type") String subType,
            @JsonProperty("index") String index, @JsonProperty("parameters") List<Parameter> parameters) {
    }

    /** A {@code text} parameter (body) or a {@code payload} parameter (quick-reply button). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(@JsonProperty("type") String type, @JsonProperty("text") String text,
            @JsonProperty("payload") String payload) {
    }
}
