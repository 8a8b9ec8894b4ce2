package ke.invoiceiq.application.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.TillMatching;

/**
 * Payments outside the STK prompt, to the merchant's Paybill or Till from the M-PESA menu (Daraja C2B,
 * docs/daraja.md). Off unless a Paybill or a Till number is set: then nothing is registered and the validation
 * endpoint accepts everything (confirmations are still taken, money is never refused once it moved).
 *
 * @param paybill         the Paybill number customers pay with an account number (the invoice id)
 * @param till            the Till (Buy Goods) number; its payments carry no account number
 * @param validation      whether the validation request is answered by looking the account number up (else every
 *                        payment is accepted); Safaricom only sends it when external validation is switched on for
 *                        the short code
 * @param tillMatching    how Till payments (and Paybill accounts that name nothing) are matched by amount and time
 * @param whenUnreachable what M-PESA does when our validation URL does not answer in time (registered with the URLs)
 * @param confirmationUrl the public URL of the confirmation endpoint, token included (empty: not registrable)
 * @param validationUrl   the public URL of the validation endpoint, token included
 * @param sweepBatch      how many kept confirmations one sweep applies at most
 */
public record C2bSettings(Optional<String> paybill, Optional<String> till, boolean validation,
        TillMatching tillMatching, C2bRegistration.WhenUnreachable whenUnreachable, Optional<String> confirmationUrl,
        Optional<String> validationUrl, int sweepBatch) {

    /** C2B off: no short code. */
    public static final C2bSettings OFF = new C2bSettings(Optional.empty(), Optional.empty(), false,
            new TillMatching(TillMatching.DEFAULT_WINDOW), C2bRegistration.WhenUnreachable.COMPLETED, Optional.empty(),
            Optional.empty(), 50);

    /** How long after it arrived a confirmation not applied yet is taken up by the sweep. */
    public static final Duration SWEEP_AFTER = Duration.ofSeconds(30);
    /** How long a sweep holds the confirmations it claimed. */
    public static final Duration SWEEP_LEASE = Duration.ofMinutes(2);

    public C2bSettings {
        Objects.requireNonNull(paybill, "paybill");
        Objects.requireNonNull(till, "till");
        Objects.requireNonNull(tillMatching, "tillMatching");
        Objects.requireNonNull(whenUnreachable, "whenUnreachable");
        Objects.requireNonNull(confirmationUrl, "confirmationUrl");
        Objects.requireNonNull(validationUrl, "validationUrl");
        paybill = paybill.map(String::strip).filter(s -> !s.isEmpty());
        till = till.map(String::strip).filter(s -> !s.isEmpty());
        paybill.ifPresent(p -> requireShortCode("paybill", p));
        till.ifPresent(t -> requireShortCode("till", t));
        if (sweepBatch < 1) {
            throw new IllegalArgumentException("sweepBatch < 1");
        }
    }

    private static void requireShortCode(String name, String value) {
        if (!value.matches("[0-9]{5,7}")) {
            throw new IllegalArgumentException(name + " must be a short code of 5 to 7 digits");
        }
    }

    /** Whether C2B is on: a Paybill or a Till is configured. */
    public boolean enabled() {
        return paybill.isPresent() || till.isPresent();
    }
}
