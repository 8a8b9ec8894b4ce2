package ke.invoiceiq.domain.chat;

import java.util.Objects;

/** What can move the merchant's conversation: words, a button tap, or time passing. */
public sealed interface ChatInput {

    record Text(String text) implements ChatInput {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    record ButtonTap(String buttonId) implements ChatInput {
        public ButtonTap {
            Objects.requireNonNull(buttonId, "buttonId");
        }
    }

    /** The clock moved; the machine decides whether a nudge or a close is due. */
    record Tick() implements ChatInput {
    }
}
