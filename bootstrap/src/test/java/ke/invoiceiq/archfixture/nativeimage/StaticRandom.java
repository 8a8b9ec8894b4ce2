package ke.invoiceiq.archfixture.nativeimage;

import java.security.SecureRandom;

/** VIOLATION (fixture): a SecureRandom made by the static initialiser, which a native image runs at build time. */
public final class StaticRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StaticRandom() {
    }

    public static int next() {
        return RANDOM.nextInt();
    }
}
