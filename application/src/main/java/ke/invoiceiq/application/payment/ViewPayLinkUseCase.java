package ke.invoiceiq.application.payment;

import java.util.Optional;
import ke.invoiceiq.domain.invoice.PayToken;

/**
 * Driving port: what the holder of a pay link sees (the pay page): the invoice and where its payment stands.
 * Reads only; starting a payment is {@link RequestPaymentUseCase}.
 */
public interface ViewPayLinkUseCase {

    /** Empty when no invoice carries {@code token}. */
    Optional<PayLinkView> view(PayToken token);
}
