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

    /** The approved invoice template (its name and language come from configuration in the adapter). */
    record Template(Msisdn to, TemplateParameters parameters) implements ChatMessage {
        public Template {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /**
     * The approved merchant-notice template, for a staff number outside its 24-hour window: {@code notice} fills its
     * one body variable, so it is a single line (Meta refuses a variable with a line break, a tab or more than four
     * spaces in a row) of at most {@link #MAX_NOTICE} characters (the filled-in body must stay within 1024). Its name
     * and language come from configuration in the adapter.
     */
    record NoticeTemplate(Msisdn to, String notice) implements ChatMessage {

        public static final int MAX_NOTICE = 900;

        public NoticeTemplate {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(notice, "notice");
            if (notice.isBlank() || notice.codePointCount(0, notice.length()) > MAX_NOTICE
                    || notice.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t') || notice.contains("     ")) {
                throw new IllegalArgumentException("a notice template variable is one line of 1-900 characters");
            }
        }
    }
}
