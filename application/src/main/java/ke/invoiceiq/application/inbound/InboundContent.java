package ke.invoiceiq.application.inbound;

import java.util.Objects;

/** What an inbound message carries, as far as the core cares. */
public sealed interface InboundContent {

    record Text(String text) implements InboundContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A reply button tapped: {@code id} is the id we gave the button ({@code pay_INV-…}, {@code send}, …). */
    record ButtonTap(String id) implements InboundContent {
        public ButtonTap {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Anything else (image, voice note, location, sticker …); {@code type} is the provider's word for it. */
    record Unsupported(String type) implements InboundContent {
        public Unsupported {
            Objects.requireNonNull(type, "type");
        }
    }
}
