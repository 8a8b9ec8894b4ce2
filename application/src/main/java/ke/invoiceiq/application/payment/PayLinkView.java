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
         * The latest attempt moved money. Normally the invoice is PAID too; if it is not, that payment left a balance
         * ({@link Invoice#balance()}), which a new attempt asks for.
         */
        record Succeeded(Optional<MpesaReceipt> receipt) implements Attempt {
            public Succeeded {
                Objects.requireNonNull(receipt, "receipt");
            }
        }

        /**
         * The latest attempt ended without money, for {@code reason} (or {@link StkReason#NO_ANSWER}: M-PESA never
         * said, and the money may still come). A new one may start at once, or, during the cooldown after it, from
         * {@code tryAgainAt}.
         */
        record Failed(StkReason reason, Optional<Instant> tryAgainAt) implements Attempt {
            public Failed {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(tryAgainAt, "tryAgainAt");
            }
        }
    }
}
