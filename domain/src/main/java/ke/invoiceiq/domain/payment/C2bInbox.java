package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: every C2B confirmation (money paid to the Paybill or Till from the M-PESA menu) is written here
 * first and only then acknowledged to Safaricom; applying it happens from here, once. The M-PESA transaction id
 * ({@code TransID}, the receipt) is the key: the same confirmation told twice, to any instance, is kept once.
 * What is kept is the payment's own facts, never the payer's number or names.
 */
public interface C2bInbox {

    /** Keeps the payment; false when one with the same receipt is kept already (nothing changes then). */
    boolean store(C2bPayment payment);

    /**
     * The payment kept under {@code receipt} if it has not been applied yet, held (within the caller's unit of work)
     * so that no other instance applies it at the same time; empty when it is applied, or was never kept.
     */
    Optional<C2bPayment> takeUnprocessed(MpesaReceipt receipt);

    void markProcessed(MpesaReceipt receipt, Instant at);

    /**
     * Claims up to {@code limit} payments not applied yet that arrived before {@code cutoff} and that no other
     * instance holds, until {@code leaseUntil}; those not tried for the longest come first.
     */
    List<C2bPayment> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil, int limit);
}
