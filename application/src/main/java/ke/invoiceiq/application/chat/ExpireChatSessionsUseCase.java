package ke.invoiceiq.application.chat;

/** Driving port: the scheduler's tick for quiet guided conversations (5-minute nudge, 15-minute close). */
public interface ExpireChatSessionsUseCase {

    ExpireChatSessionsReport expire();
}
