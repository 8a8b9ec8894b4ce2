package ke.invoiceiq.application.chat;

import java.util.Objects;
import ke.invoiceiq.domain.chat.ChatMachine.ChatTimeouts;

/** When a quiet merchant is nudged and when their draft is dropped, and how many sessions one run looks at. */
public record ChatExpirySettings(ChatTimeouts timeouts, int batchSize) {

    public static final ChatExpirySettings DEFAULT = new ChatExpirySettings(ChatTimeouts.DEFAULT, 200);

    public ChatExpirySettings {
        Objects.requireNonNull(timeouts, "timeouts");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }
}
