/**
 * The driving side of the Daraja adapter: {@code POST /payments/stk/callback/{token}}
 * ({@link ke.invoiceiq.adapters.daraja.inbound.StkCallbackResource}), which checks the secret token and the optional
 * source allowlist, parses the callback leniently and hands it to {@code RecordPaymentResultUseCase}.
 */
package ke.invoiceiq.adapters.daraja.inbound;
