package ke.invoiceiq.domain.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a merchant's guided conversation stands. Every step but {@link Idle} carries the draft so far, when
 * the merchant last wrote (for the 5-minute nudge and the 15-minute close), whether the nudge went out, and
 * whether the step is an edit that returns to {@link Confirming}.
 */
public sealed interface ChatState {

    /** A step of the guided flow. */
    sealed interface Guided extends ChatState {
        InvoiceDraft draft();

        Instant lastInputAt();

        boolean nudged();
    }

    record Idle() implements ChatState {
    }

    record CollectingPhone(InvoiceDraft draft, boolean editing, Instant lastInputAt, boolean nudged)
            implements Guided {
        public CollectingPhone {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }

    record CollectingName(InvoiceDraft draft, boolean editing, Instant lastInputAt, boolean nudged)
            implements Guided {
        public CollectingName {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }

    record CollectingAmount(InvoiceDraft draft, boolean editing, Instant lastInputAt, boolean nudged)
            implements Guided {
        public CollectingAmount {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }

    record CollectingDescription(InvoiceDraft draft, boolean editing, Instant lastInputAt, boolean nudged)
            implements Guided {
        public CollectingDescription {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }

    /** The optional due date, after the description: a day, or Skip. */
    record CollectingDueDate(InvoiceDraft draft, boolean editing, Instant lastInputAt, boolean nudged)
            implements Guided {
        public CollectingDueDate {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }

    /** The preview with Send / Edit / Cancel. */
    record Confirming(InvoiceDraft draft, Instant lastInputAt, boolean nudged) implements Guided {
        public Confirming {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
            if (!draft.isComplete()) {
                throw new IllegalArgumentException("only a complete draft can be confirmed");
            }
        }
    }

    /** After Edit: Amount / Description / Customer. */
    record ChoosingEdit(InvoiceDraft draft, Instant lastInputAt, boolean nudged) implements Guided {
        public ChoosingEdit {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(lastInputAt, "lastInputAt");
        }
    }
}
