package ke.invoiceiq.domain.messaging;

import ke.invoiceiq.domain.customer.Msisdn;

/** Driven port: plain SMS, for customers WhatsApp cannot reach. */
public interface SmsMessenger {

    SendResult send(Msisdn to, String text);
}
