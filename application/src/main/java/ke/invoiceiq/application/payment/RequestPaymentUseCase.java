package ke.invoiceiq.application.payment;

/** Driving port: a customer asks to pay (Pay button, PAY by SMS, the pay page, or the REST API). */
public interface RequestPaymentUseCase {

    RequestPaymentOutcome requestPayment(RequestPaymentCommand command);
}
