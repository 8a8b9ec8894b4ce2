package ke.invoiceiq.domain.chat;

import java.util.Objects;
import ke.invoiceiq.domain.command.Command;

/** Work the conversation asks the application to do; the machine itself does no I/O. */
public sealed interface ChatEffect {

    /** The merchant confirmed (or typed a complete one-line invoice): create it and send it to the customer. */
    record CreateAndSendInvoice(InvoiceDraft draft) implements ChatEffect {
        public CreateAndSendInvoice {
            Objects.requireNonNull(draft, "draft");
            if (!draft.isComplete()) {
                throw new IllegalArgumentException("only a complete draft can be sent");
            }
        }
    }

    /** A command the machine does not answer by itself (remind, cancel, status, list). */
    record RunCommand(Command command) implements ChatEffect {
        public RunCommand {
            Objects.requireNonNull(command, "command");
        }
    }
}
