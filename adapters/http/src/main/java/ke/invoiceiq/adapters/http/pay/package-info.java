/**
 * The customer's public pay page, {@code /pay/{payToken}}: a small server-rendered page (Qute, no JavaScript)
 * reached by the unguessable token of the pay link. It shows the invoice and where its payment stands
 * ({@code ViewPayLinkUseCase}), and its "Pay with M-PESA" form starts the STK push to the invoiced number
 * ({@code RequestPaymentUseCase}). See {@link ke.invoiceiq.adapters.http.pay.PayPageResource}.
 */
package ke.invoiceiq.adapters.http.pay;
