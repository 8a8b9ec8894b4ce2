package ke.invoiceiq.adapters.http.pay;

import java.util.Arrays;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;

/**
 * What the last press of "Pay with M-PESA" came to, carried from the POST to the page it redirects to as the
 * query flag {@code ?r=<code>} (Post/Redirect/Get). The flag only words the page: what it offers is decided by
 * the invoice and its payment as they stand when the page is shown, so a stale or forged flag changes nothing.
 */
enum PayNotice {
    /** No flag, or one this page does not know. */
    NONE(""),
    /** The prompt went out (or, for a repeated form, had gone out, or M-PESA has not confirmed it yet). */
    SENT("sent"),
    /** A prompt was already open. */
    OPEN("open"),
    /** The last attempt failed moments ago: wait out the cooldown. */
    WAIT("wait"),
    /** M-PESA says the phone has another prompt open. */
    BUSY("busy"),
    /** M-PESA did not take the request. */
    UNAVAILABLE("unavailable"),
    PAID("paid"),
    CANCELLED("cancelled"),
    /** The request could not be matched (a reused key): press again. */
    AGAIN("again");

    private final String code;

    PayNotice(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static PayNotice parse(String code) {
        if (code == null || code.isEmpty()) {
            return NONE;
        }
        return Arrays.stream(values()).filter(n -> n != NONE && n.code.equals(code)).findFirst().orElse(NONE);
    }

    /** The flag for an outcome; {@code InvoiceNotFound} has none (the POST answers 404 itself). */
    static PayNotice of(RequestPaymentOutcome outcome) {
        return switch (outcome) {
            case RequestPaymentOutcome.Initiated i -> SENT;
            // the push went out but M-PESA has not confirmed it: a prompt may be on the phone, the same as sent
            case RequestPaymentOutcome.AwaitingMpesa a -> SENT;
            case RequestPaymentOutcome.AlreadyInFlight a -> OPEN;
            case RequestPaymentOutcome.AlreadyPaid p -> PAID;
            case RequestPaymentOutcome.NotPayable n -> CANCELLED;
            case RequestPaymentOutcome.CoolingDown c -> WAIT;
            case RequestPaymentOutcome.PayerBusy b -> BUSY;
            case RequestPaymentOutcome.GatewayUnavailable g -> UNAVAILABLE;
            case RequestPaymentOutcome.GatewayRejected g -> UNAVAILABLE;
            // the page names no payer and its keys carry the token: neither can happen, but must read sensibly
            case RequestPaymentOutcome.NotYourInvoice n -> AGAIN;
            case RequestPaymentOutcome.KeyReused k -> AGAIN;
            case RequestPaymentOutcome.InvoiceNotFound n -> NONE;
        };
    }
}
