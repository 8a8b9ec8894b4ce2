package ke.invoiceiq.adapters.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Provider-like ids, all marked {@code SBX} so nobody takes them for real ones. Random rather than counted: a dev
 * database outlives the process, and an id stored by an earlier run must never come back.
 */
final class SandboxIds {

    /** An M-PESA receipt: {@code SBX} and 7 capitals or digits, 10 characters like the real ones. */
    static final Pattern RECEIPT = Pattern.compile("SBX[A-Z0-9]{7}");

    /** Daraja's {@code TransactionDate} and the CheckoutRequestID's time are Kenyan local time. */
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter CHECKOUT_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss")
            .withZone(NAIROBI);

    /**
     * Made on first use, never in the static initialiser: a native image runs static initialisers while it is built,
     * and a {@link SecureRandom} made then would carry its build-time seed into every running copy (GraalVM refuses
     * to build it: "Detected an instance of Random/SplittableRandom class in the image heap").
     */
    private static volatile SecureRandom secureRandom;

    private SandboxIds() {
    }

    /** A WhatsApp message id: {@code wamid.SBX} and 24 capitals or digits. */
    static String wamid() {
        return "wamid.SBX" + random(24);
    }

    /** An Africa's Talking message id: {@code ATXid_SBX} and 16 capitals or digits. */
    static String smsId() {
        return "ATXid_SBX" + random(16);
    }

    /** The id Africa's Talking gives an incoming SMS (a UUID there too). */
    static String inboundSmsId() {
        return UUID.randomUUID().toString();
    }

    /** A CheckoutRequestID in Daraja's shape ({@code ws_CO_<ddMMyyyyHHmmss><digits>}), marked. */
    static String checkoutRequestId(Instant at) {
        return "ws_CO_SBX" + CHECKOUT_TIME.format(at) + random(8);
    }

    /** A MerchantRequestID in Daraja's shape ({@code 29115-34620561-1}), marked. */
    static String merchantRequestId() {
        return "SBX-" + digits(5) + "-" + digits(8) + "-1";
    }

    /** An M-PESA receipt number, {@link #RECEIPT}. */
    static String receipt() {
        return "SBX" + random(7);
    }

    private static SecureRandom random() {
        SecureRandom r = secureRandom;
        if (r == null) {
            synchronized (SandboxIds.class) {
                r = secureRandom;
                if (r == null) {
                    r = new SecureRandom();
                    secureRandom = r;
                }
            }
        }
        return r;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(UPPER_ALNUM.charAt(random().nextInt(UPPER_ALNUM.length())));
        }
        return out.toString();
    }

    private static String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random().nextInt(10)));
        }
        return out.toString();
    }
}
