package ke.invoiceiq.application.payment;

import ke.invoiceiq.domain.payment.C2bPayment;

/**
 * Driving port: money paid to the merchant's Paybill or Till from the M-PESA menu (Daraja C2B). A confirmation is
 * kept first (by its TransID, once) and then applied: to the invoice its account number names, else to the one open
 * invoice its amount and time fit, else it is an unmatched payment for the merchant to apply.
 */
public interface RecordC2bPaymentUseCase {

    /** A validation request: whether to let the payment go through (always, unless validation is on). */
    C2bValidation validate(C2bPayment payment);

    /**
     * A confirmation: kept durably before this returns (it throws when it could not be kept), then applied.
     */
    C2bOutcome confirm(C2bPayment payment);

    /** Applies confirmations kept but not applied (a crash, a lost race); returns how many it took up. */
    int applyPending();
}
