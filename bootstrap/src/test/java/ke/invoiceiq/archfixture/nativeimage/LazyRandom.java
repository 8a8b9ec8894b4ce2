package ke.invoiceiq.archfixture.nativeimage;

import java.security.SecureRandom;

/** Compliant (fixture): the SecureRandom is made on first use, at run time; no rule may name it. */
public final class LazyRandom {

    private static volatile SecureRandom random;

    private LazyRandom() {
    }

    public static int next() {
        SecureRandom r = random;
        if (r == null) {
            synchronized (LazyRandom.class) {
                if (random == null) {
                    random = new SecureRandom();
                }
                r = random;
            }
        }
        return r.nextInt();
    }
}
