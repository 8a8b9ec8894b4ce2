package ke.invoiceiq.adapters.memory;

import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.IdGenerator;

/**
 * Predictable ids for tests: {@code INV-000001}, {@code INV-000002}, … (counting in the Crockford alphabet, so
 * the 32nd is {@code INV-000010}), pay tokens {@code test-pay-token-0000000001}, … and ids {@code id-000001}, ….
 */
public final class SequentialIdGenerator implements IdGenerator {

    private static final int INVOICE_DIGITS = 6;
    private static final long INVOICE_IDS = pow(InvoiceId.ALPHABET.length(), INVOICE_DIGITS);

    private final AtomicLong invoices = new AtomicLong();
    private final AtomicLong payTokens = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public InvoiceId nextInvoiceId() {
        return invoiceId(invoices.incrementAndGet());
    }

    @Override
    public PayToken nextPayToken() {
        return new PayToken("test-pay-token-%010d".formatted(payTokens.incrementAndGet()));
    }

    @Override
    public String nextId() {
        return "id-%06d".formatted(ids.incrementAndGet());
    }

    /** The {@code n}-th invoice id this generator hands out (1-based). */
    public static InvoiceId invoiceId(long n) {
        if (n < 0 || n >= INVOICE_IDS) {
            throw new IllegalArgumentException("no invoice id number " + n);
        }
        int base = InvoiceId.ALPHABET.length();
        var digits = new char[INVOICE_DIGITS];
        long rest = n;
        for (int i = INVOICE_DIGITS - 1; i >= 0; i--) {
            digits[i] = InvoiceId.ALPHABET.charAt((int) (rest % base));
            rest /= base;
        }
        return new InvoiceId("INV-" + new String(digits));
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
