package ke.invoiceiq.application.payment;

import java.util.Objects;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/** What came of one C2B confirmation. */
public sealed interface C2bOutcome {

    /** Applied to an invoice ({@code byAccount}: its account number named it; else it fitted by amount and time). */
    record Applied(Settlement settlement, boolean byAccount) implements C2bOutcome {
        public Applied {
            Objects.requireNonNull(settlement, "settlement");
        }
    }

    /** Fitted no invoice, or several: kept as an unmatched payment, the merchant told. */
    record Unmatched(UnmatchedPayment payment) implements C2bOutcome {
        public Unmatched {
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** Kept, not applied yet (it lost a race too often): the sweep applies it. */
    record Kept() implements C2bOutcome {
    }

    /** Applied already (the same TransID told again): nothing changed. */
    record Duplicate() implements C2bOutcome {
    }
}
