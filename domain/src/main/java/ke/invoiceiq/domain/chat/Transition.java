package ke.invoiceiq.domain.chat;

import java.util.List;
import java.util.Objects;

/** The result of one step of the chat machine: where the conversation is now, what to say, what to do. */
public record Transition(ChatState next, List<Reply> replies, List<ChatEffect> effects) {
    public Transition {
        Objects.requireNonNull(next, "next");
        replies = List.copyOf(replies);
        effects = List.copyOf(effects);
    }
}
