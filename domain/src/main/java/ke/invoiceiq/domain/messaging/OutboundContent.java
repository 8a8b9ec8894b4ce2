package ke.invoiceiq.domain.messaging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to say, in every form a channel may need: the chat text with up to three buttons, the SMS text (its
 * presence allows the SMS fallback), the template parameters used outside WhatsApp's 24-hour window, and the one
 * line that stands for it in a digest (a merchant notice folded with others into one message; without it, the digest
 * shows the whole text on one line).
 */
public record OutboundContent(String text, List<Button> buttons, Optional<String> smsText,
        Optional<TemplateParameters> template, Optional<String> digestLine) {

    public static final int MAX_BUTTONS = 3;

    public OutboundContent {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs text");
        }
        buttons = List.copyOf(buttons);
        if (buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("at most 3 buttons per message");
        }
        Objects.requireNonNull(smsText, "smsText");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(digestLine, "digestLine");
        if (digestLine.isPresent() && (digestLine.get().isBlank() || digestLine.get().lines().count() != 1)) {
            throw new IllegalArgumentException("a digest line is one line of text");
        }
    }

    /** Content with no digest line of its own. */
    public OutboundContent(String text, List<Button> buttons, Optional<String> smsText,
            Optional<TemplateParameters> template) {
        this(text, buttons, smsText, template, Optional.empty());
    }

    public static OutboundContent text(String text) {
        return new OutboundContent(text, List.of(), Optional.empty(), Optional.empty());
    }

    public static OutboundContent withButtons(String text, List<Button> buttons) {
        return new OutboundContent(text, buttons, Optional.empty(), Optional.empty());
    }

    public OutboundContent withSms(String sms) {
        return new OutboundContent(text, buttons, Optional.of(sms), template, digestLine);
    }

    public OutboundContent withTemplate(TemplateParameters parameters) {
        return new OutboundContent(text, buttons, smsText, Optional.of(parameters), digestLine);
    }

    public OutboundContent withDigestLine(String line) {
        return new OutboundContent(text, buttons, smsText, template, Optional.of(line));
    }
}
