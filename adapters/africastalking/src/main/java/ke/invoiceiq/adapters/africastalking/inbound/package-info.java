/**
 * The driving side of the Africa's Talking adapter:
 * {@link ke.invoiceiq.adapters.africastalking.inbound.SmsCallbackResource} takes the delivery-report callback
 * ({@code POST /sms/status/{token}}) and the incoming-SMS callback ({@code POST /sms/inbound/{token}}), checks the
 * secret token and hands them to {@code RecordDeliveryStatusUseCase} and {@code HandleInboundMessageUseCase}.
 */
package ke.invoiceiq.adapters.africastalking.inbound;
