package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Money;

/**
 * Money a customer sent from the M-PESA menu to the merchant's Paybill or Till (Daraja C2B, docs/daraja.md): not
 * asked for by an STK prompt, so no CheckoutRequestID names it. Its M-PESA transaction id ({@code TransID}) is the
 * receipt, and the one key that makes it unique. Least data: the payer's number (masked or hashed by Safaricom
 * anyway) and names are not part of it.
 *
 * @param receipt         {@code TransID}, the M-PESA receipt the customer also got by SMS
 * @param kind            Paybill (with an account number) or Till (Buy Goods, none)
 * @param amount          {@code TransAmount}
 * @param transactionTime {@code TransTime}, read in Kenyan time
 * @param shortCode       {@code BusinessShortCode}, the number that was paid
 * @param account         {@code BillRefNumber} as the customer typed it, if any (blank is none)
 * @param receivedAt      when the confirmation (or validation) reached us
 */
public record C2bPayment(
        MpesaReceipt receipt,
        Kind kind,
        Money amount,
        Instant transactionTime,
        String shortCode,
        Optional<String> account,
        Instant receivedAt) {

    /** The two Lipa na M-PESA products. */
    public enum Kind {
        /** Paybill: the customer types an account number. */
        PAYBILL,
        /** Till (Buy Goods): no account number. */
        TILL
    }

    /** Safaricom lets a customer type up to 20 characters; anything longer did not come from the M-PESA menu. */
    public static final int ACCOUNT_MAX = 20;

    public C2bPayment {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(transactionTime, "transactionTime");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a C2B payment moves money");
        }
        if (!shortCode.matches("[0-9]{5,7}")) {
            throw new IllegalArgumentException("a short code is 5 to 7 digits");
        }
        account = account.map(String::strip).filter(a -> !a.isEmpty());
        if (account.filter(a -> a.length() > ACCOUNT_MAX).isPresent()) {
            throw new IllegalArgumentException("an account number is at most " + ACCOUNT_MAX + " characters");
        }
    }
}
