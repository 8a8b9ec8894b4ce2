package ke.invoiceiq.domain.payment;

/** Driven port: the mobile-money rail (M-PESA Express in production). */
public interface PaymentGateway {

    StkPushResponse requestStkPush(StkPushRequest request);

    StkQueryResponse queryStkPush(CheckoutRequestId checkoutRequestId);
}
