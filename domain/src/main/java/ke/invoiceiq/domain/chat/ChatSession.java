package ke.invoiceiq.domain.chat;

import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;

/** A merchant's conversation as stored, so a restart or a second instance carries on where it stopped. */
public record ChatSession(Msisdn merchant, ChatState state, long version) {
    public ChatSession {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(state, "state");
    }
}
