package ke.invoiceiq.adapters.whatsapp.outbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.TemplateParameters;

/**
 * Turns a {@link ChatMessage} into the Graph body, within Meta's limits (docs/whatsapp.md): text ≤ 4096, an
 * interactive body ≤ 1024, 1–3 buttons with titles ≤ 20 and ids ≤ 256. Too long a text is cut on a code-point
 * boundary (never inside a surrogate pair) and ends with an ellipsis; a fourth button and beyond are dropped; a
 * button whose id breaks the rules (blank, too long, repeated) is dropped, since a cut id would no longer name what
 * the tap means; with no button left the message goes as text.
 */
final class GraphMessages {

    static final int MAX_TEXT = 4096;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_TITLE = Button.MAX_TITLE;
    static final int MAX_ID = Button.MAX_ID;
    static final String ELLIPSIS = "…";

    /** A button as the adapter sees it: unchecked, so the limits can be enforced (and tested) here. */
    record Choice(String id, String title) {
    }

    /** A configured template: its name and language code. */
    record ConfiguredTemplate(String name, String language) {
    }

    private GraphMessages() {
    }

    /**
     * @throws IllegalStateException for a template message when that template is not configured (the dispatcher
     *                               only asks for one when {@code hasInvoiceTemplate()} or
     *                               {@code hasMerchantTemplate()} said yes)
     */
    static GraphMessage of(ChatMessage message, Optional<ConfiguredTemplate> invoiceTemplate,
            Optional<ConfiguredTemplate> merchantTemplate) {
        String to = message.to().value();
        return switch (message) {
            case ChatMessage.Text text -> text(to, text.body());
            case ChatMessage.Buttons buttons -> buttons(to, buttons.body(),
                    buttons.buttons().stream().map(b -> new Choice(b.id(), b.title())).toList());
            case ChatMessage.Template t -> template(to, invoiceTemplate.orElseThrow(
                    () -> new IllegalStateException("no invoice template configured")), t.parameters());
            case ChatMessage.NoticeTemplate notice -> notice(to, merchantTemplate.orElseThrow(
                    () -> new IllegalStateException("no merchant template configured")), notice.notice());
        };
    }

    static GraphMessage text(String to, String body) {
        return GraphMessage.text(to, truncate(body, MAX_TEXT));
    }

    static GraphMessage buttons(String to, String body, List<Choice> choices) {
        List<GraphMessage.ReplyButton> buttons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Choice choice : choices) {
            if (buttons.size() == MAX_BUTTONS) {
                break;
            }
            String id = choice.id();
            String title = choice.title() == null ? "" : choice.title().strip();
            if (id == null || id.isBlank() || !id.equals(id.strip()) || id.length() > MAX_ID || !ids.add(id)
                    || title.isEmpty()) {
                continue;
            }
            buttons.add(new GraphMessage.ReplyButton("reply",
                    new GraphMessage.Reply(id, truncate(title, MAX_TITLE))));
        }
        if (buttons.isEmpty()) {
            return text(to, body);
        }
        return GraphMessage.interactive(to, new GraphMessage.Interactive("button",
                new GraphMessage.Body(truncate(body, MAX_INTERACTIVE_BODY)), new GraphMessage.Action(buttons)));
    }

    /** The merchant-notice template: its one body variable, and no button. */
    static GraphMessage notice(String to, ConfiguredTemplate template, String notice) {
        return GraphMessage.template(to, new GraphMessage.Template(template.name(),
                new GraphMessage.Language("deterministic", template.language()),
                List.of(new GraphMessage.Component("body", null, null,
                        List.of(new GraphMessage.Parameter("text", notice, null))))));
    }

    static GraphMessage template(String to, ConfiguredTemplate template, TemplateParameters parameters) {
        List<GraphMessage.Component> components = new ArrayList<>();
        if (!parameters.bodyParameters().isEmpty()) {
            components.add(new GraphMessage.Component("body", null, null, parameters.bodyParameters().stream()
                    .map(value -> new GraphMessage.Parameter("text", value, null)).toList()));
        }
        components.add(new GraphMessage.Component("button", "quick_reply", "0",
                List.of(new GraphMessage.Parameter("payload", null, parameters.buttonPayload()))));
        return GraphMessage.template(to, new GraphMessage.Template(template.name(),
                new GraphMessage.Language("deterministic", template.language()), components));
    }

    /**
     * At most {@code max} code points: a longer text keeps {@code max - 1} of them and ends with "…". The cut is on
     * a code-point boundary, so a surrogate pair (an emoji) is kept whole or dropped whole.
     */
    static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }
}
