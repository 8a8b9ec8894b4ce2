package ke.invoiceiq.application.payment;

import java.util.List;
import ke.invoiceiq.domain.payment.C2bRegistration;

/** Driving port: an operator registers our C2B validation and confirmation URLs with M-PESA. */
public interface RegisterC2bUrlsUseCase {

    /** What came of registering one short code. */
    record ShortCodeOutcome(String shortCode, C2bRegistration.Outcome outcome) {
    }

    /** What came of the request as a whole. */
    sealed interface Outcome {

        /** One answer per configured short code (the Paybill, then the Till). */
        record Done(List<ShortCodeOutcome> shortCodes) implements Outcome {
            public Done {
                shortCodes = List.copyOf(shortCodes);
            }
        }

        /** C2B is off (no Paybill, no Till) or our public URLs are unknown (no base URL or callback token). */
        record NotConfigured(String missing) implements Outcome {
        }
    }

    Outcome register();
}
