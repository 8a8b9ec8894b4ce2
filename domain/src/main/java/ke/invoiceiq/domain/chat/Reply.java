package ke.invoiceiq.domain.chat;

import java.util.List;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.OutboundContent;

/** One message back to the merchant: at most two lines of text and at most three buttons (WhatsApp's limit). */
public record Reply(String text, List<Button> buttons) {
    public Reply {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        buttons = List.copyOf(buttons);
        if (buttons.size() > OutboundContent.MAX_BUTTONS) {
            throw new IllegalArgumentException("at most 3 buttons per reply");
        }
    }

    public static Reply of(String text) {
        return new Reply(text, List.of());
    }

    public static Reply of(String text, Button... buttons) {
        return new Reply(text, List.of(buttons));
    }

    public OutboundContent toContent() {
        return OutboundContent.withButtons(text, buttons);
    }
}
