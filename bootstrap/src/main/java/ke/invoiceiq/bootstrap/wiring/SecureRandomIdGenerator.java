package ke.invoiceiq.bootstrap.wiring;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.IdGenerator;

/**
 * The production {@link IdGenerator}: every identity comes from a {@link SecureRandom}, so neither an invoice
 * id nor a pay token can be guessed from earlier ones.
 *
 * <ul>
 *   <li>invoice ids: {@code INV-} and six characters of {@link InvoiceId#ALPHABET} (32 symbols, 30 bits).
 *       Collisions are possible in principle; the repository refuses a duplicate id and the caller draws
 *       again.</li>
 *   <li>pay tokens: 24 random bytes (192 bits), base64url without padding (32 characters).</li>
 *   <li>other ids (payments, outbox rows, log entries): a random (version 4) UUID.</li>
 * </ul>
 *
 * Thread-safe: {@link SecureRandom} is. The instance is created at run time (never in a static initialiser),
 * so a native image does not freeze a seed into the binary.
 */
public final class SecureRandomIdGenerator implements IdGenerator {

    static final int INVOICE_ID_LENGTH = 6;
    static final int PAY_TOKEN_BYTES = 24;

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureRandomIdGenerator() {
        this(new SecureRandom());
    }

    SecureRandomIdGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public InvoiceId nextInvoiceId() {
        var id = new StringBuilder("INV-");
        for (int i = 0; i < INVOICE_ID_LENGTH; i++) {
            id.append(InvoiceId.ALPHABET.charAt(random.nextInt(InvoiceId.ALPHABET.length())));
        }
        return new InvoiceId(id.toString());
    }

    @Override
    public PayToken nextPayToken() {
        byte[] bytes = new byte[PAY_TOKEN_BYTES];
        random.nextBytes(bytes);
        return new PayToken(URL_SAFE.encodeToString(bytes));
    }

    /** A random (version 4) UUID; {@link UUID#randomUUID()} draws from a {@link SecureRandom} too. */
    @Override
    public String nextId() {
        return UUID.randomUUID().toString();
    }
}
