package ke.invoiceiq.bootstrap.testing;

import java.util.concurrent.ThreadLocalRandom;
import ke.invoiceiq.domain.customer.Msisdn;

/** Customer numbers no other test uses: the tests of one JVM share a database, and an external one keeps rows. */
public final class Customers {

    private Customers() {
    }

    /** A fresh number, recorded for the log scan ({@link TypedInTests}). */
    public static Msisdn fresh() {
        return TypedInTests.number(
                new Msisdn("25471" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000))));
    }

    /** The number as a merchant types it: {@code 07…}. */
    public static String typed(Msisdn msisdn) {
        return "0" + msisdn.value().substring(3);
    }
}
