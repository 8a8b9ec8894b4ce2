package ke.invoiceiq.bench;

import java.util.SplittableRandom;

/**
 * Who the customers are, decided by the seed and the number alone (so the same seed gives the same people whatever
 * the timing): on WhatsApp or not, whether WhatsApp later reports their messages failed, whether SMS reaches them.
 */
final class Population {

    /** The merchant's staff number that sends every command: inside WhatsApp's 24-hour window all along. */
    static final String STAFF_ACTIVE = "254711000001";
    /** A second staff number that never writes: outside the 24-hour window for the whole run. */
    static final String STAFF_SILENT = "254711000002";

    enum WhatsApp {
        /** On WhatsApp; messages are delivered. */
        OK,
        /** Not on WhatsApp: every send is refused with 131026. */
        NOT_ON_WHATSAPP,
        /** Sends are accepted, then Meta reports them failed (status {@code failed}, 131026), half of them at once. */
        STATUS_FAILS
    }

    record Traits(WhatsApp whatsApp, boolean smsFails) {
        /** No channel reaches this person: the stubs make every channel fail. */
        boolean unreachable() {
            return whatsApp != WhatsApp.OK && smsFails;
        }

        boolean readsWhatsApp() {
            return whatsApp == WhatsApp.OK;
        }
    }

    private final long seed;

    Population(long seed) {
        this.seed = seed;
    }

    static boolean isStaff(String msisdn) {
        return STAFF_ACTIVE.equals(msisdn) || STAFF_SILENT.equals(msisdn);
    }

    Traits of(String msisdn) {
        if (isStaff(msisdn)) {
            return new Traits(WhatsApp.OK, false);
        }
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + Long.parseLong(msisdn));
        double w = r.nextDouble();
        WhatsApp whatsApp = w < 0.10 ? WhatsApp.NOT_ON_WHATSAPP : w < 0.16 ? WhatsApp.STATUS_FAILS : WhatsApp.OK;
        return new Traits(whatsApp, r.nextDouble() < 0.25);
    }

    /** A fresh customer for command {@code n}. */
    static String fresh(int n) {
        return "2547" + String.format("%08d", 20_000_000 + n);
    }

    /** One of the regulars, who get several invoices. */
    static String regular(int k) {
        return "2547" + String.format("%08d", 30_000_000 + k);
    }
}
