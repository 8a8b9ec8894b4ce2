package ke.invoiceiq.domain.messaging;

import java.util.List;
import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;

/** One WhatsApp message in the form the dispatcher chose for it. */
public sealed interface ChatMessage {

    Msisdn to();

    record Text(Msisdn to, String body) implements ChatMessage {
        public Text {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    record Buttons(Msisdn to, String body, List<Button> buttons) implements ChatMessage {
        public Buttons {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty() || buttons.size() > OutboundContent.MAX_BUTTONS) {
                throw new IllegalArgumentException("1–3 buttons");
            }
        }
    }

    /** The approved template (its name and language come from configuration in the adapter). */
    record Template(Msisdn to, TemplateParameters parameters) implements ChatMessage {
        public Template {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(parameters, "parameters");
        }
    }
}
