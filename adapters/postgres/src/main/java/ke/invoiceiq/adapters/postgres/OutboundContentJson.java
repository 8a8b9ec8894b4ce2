package ke.invoiceiq.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.TemplateParameters;

/**
 * Outbound content as the JSON of {@code outbox.content}, written by hand with Jackson's tree model:
 *
 * <pre>{"v":1,"text":"…","buttons":[{"id":"pay:INV-…","title":"Pay with M-PESA"}],"sms":"…",
 *  "template":{"body":["INV-…","2,500"],"button":"pay:INV-…"}}</pre>
 *
 * {@code sms}, {@code template} and {@code digest} (the line that stands for a merchant notice in a digest) are
 * absent when the content has none; content written before {@code digest} existed reads as having none.
 */
final class OutboundContentJson {

    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundContentJson() {
    }

    static String write(OutboundContent content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("text", content.text());
        ArrayNode buttons = node.putArray("buttons");
        for (Button b : content.buttons()) {
            buttons.addObject().put("id", b.id()).put("title", b.title());
        }
        content.smsText().ifPresent(sms -> node.put("sms", sms));
        content.template().ifPresent(t -> {
            ObjectNode template = node.putObject("template");
            ArrayNode body = template.putArray("body");
            t.bodyParameters().forEach(body::add);
            template.put("button", t.buttonPayload());
            template.put("lang", t.language().tag());
        });
        content.digestLine().ifPresent(line -> node.put("digest", line));
        return node.toString();
    }

    static OutboundContent read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbound content", e);
        }
        int format = node.path("v").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalStateException("unknown outbound content format " + format);
        }
        var buttons = new ArrayList<Button>();
        for (JsonNode b : node.path("buttons")) {
            buttons.add(new Button(b.path("id").asText(), b.path("title").asText()));
        }
        Optional<TemplateParameters> template = Optional.empty();
        if (node.hasNonNull("template")) {
            JsonNode t = node.get("template");
            var body = new ArrayList<String>();
            t.path("body").forEach(p -> body.add(p.asText()));
            // rows written before templates had a language are English
            Language language = Language.fromTag(t.path("lang").asText("en")).orElse(Language.EN);
            template = Optional.of(new TemplateParameters(List.copyOf(body), t.path("button").asText(), language));
        }
        return new OutboundContent(node.path("text").asText(), buttons,
                node.hasNonNull("sms") ? Optional.of(node.get("sms").asText()) : Optional.empty(), template,
                node.hasNonNull("digest") ? Optional.of(node.get("digest").asText()) : Optional.empty());
    }
}
