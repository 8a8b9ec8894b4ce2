package ke.invoiceiq.bootstrap.testing;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Every phone number and message text the end-to-end tests put into the running application, for the log scan
 * ({@code LogScanTest}) to look for: none of them may reach the log. The helpers that make up customers
 * ({@link Customers}) and send what people type ({@link ProviderTraffic}, the merchant's commands and the REST
 * invoices of the end-to-end tests) record each one here as they use it.
 *
 * <p>Kept in system properties: each {@code @QuarkusTest} application loads the test classes in a class loader of
 * its own, and the scan runs as a plain test after all of them, so a static field would be a different one in each;
 * the JVM's properties are the one thing they all share (as the restart test's two halves do in {@code
 * MerchantChat}). Writes are serialized on the properties object, which every class loader sees as the same.
 */
public final class TypedInTests {

    static final String NUMBERS = "log-scan.typed-numbers";
    static final String TEXTS = "log-scan.typed-texts";
    private static final String SEPARATOR = "\u001F";

    private TypedInTests() {
    }

    /** Records {@code number} as typed in a test; returns it. */
    public static Msisdn number(Msisdn number) {
        add(NUMBERS, number.value());
        return number;
    }

    /** Records {@code text} as typed in a test (blank text is nothing to look for); returns it. */
    public static String text(String text) {
        if (text != null && !text.isBlank()) {
            add(TEXTS, text);
        }
        return text;
    }

    /** The numbers recorded so far in this JVM, in their 2547… form. */
    public static Set<String> numbers() {
        return read(NUMBERS);
    }

    /** The texts recorded so far in this JVM. */
    public static Set<String> texts() {
        return read(TEXTS);
    }

    private static void add(String key, String value) {
        Properties properties = System.getProperties();
        synchronized (properties) {
            String recorded = properties.getProperty(key, "");
            if (!(SEPARATOR + recorded + SEPARATOR).contains(SEPARATOR + value + SEPARATOR)) {
                properties.setProperty(key, recorded.isEmpty() ? value : recorded + SEPARATOR + value);
            }
        }
    }

    private static Set<String> read(String key) {
        String recorded = System.getProperty(key, "");
        return recorded.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(recorded.split(SEPARATOR)));
    }
}
