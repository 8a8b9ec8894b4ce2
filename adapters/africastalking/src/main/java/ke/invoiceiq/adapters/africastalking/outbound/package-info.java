/**
 * The driven side of the Africa's Talking adapter: {@link ke.invoiceiq.adapters.africastalking.outbound.AfricasTalkingSmsMessenger}
 * sends one SMS through {@code AtSmsClient} (the only class that calls Africa's Talking) and translates the answer
 * into a {@code SendResult}; {@link ke.invoiceiq.adapters.africastalking.outbound.SmsStatus} remembers the last
 * configuration error for a wellness check.
 */
package ke.invoiceiq.adapters.africastalking.outbound;
