package ke.invoiceiq.application.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.StkReason;

/**
 * An invoice as its pay link shows it, with the state of its latest STK attempt.
 *
 * @param invoice the invoice as stored
 * @param attempt where the payment stands, decided by the same rules a new request is checked against
 * @param asOf    when it was read (the application's clock), to tell how long a cooldown has left
 */
public record PayLinkView(Invoice invoice, Attempt attempt, Instant asOf) {

    public PayLinkView {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(asOf, "asOf");
    }

    public sealed interface Attempt {

        /** Nobody has asked for a prompt yet. */
        record None() implements Attempt {
        }

        /** A prompt is open on the customer's phone, asked for at {@code since}; M-PESA has not answered yet. */
        record InFlight(Instant since) implements Attempt {
            public InFlight {
                Objects.requireNonNull(since, "since");
            }
        }

        /**
         * M-PESA took the money. Normally the invoice is PAID too; if it is not, the merchant is checking the
         * payment (another amount was reported) and the customer must not pay again.
         */
        record Succeeded(Optional<MpesaReceipt> receipt) implements Attempt {
            public Succeeded {
                Objects.requireNonNull(receipt, "receipt");
            }
        }

        /**
         * The latest attempt ended without money, for {@code reason}. A new one may start at once, or, during the
         * cooldown after it, from {@code tryAgainAt}.
         */
        record Failed(StkReason reason, Optional<Instant> tryAgainAt) implements Attempt {
            public Failed {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(tryAgainAt, "tryAgainAt");
            }
        }
    }
}
