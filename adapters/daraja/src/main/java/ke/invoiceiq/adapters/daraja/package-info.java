/**
 * Safaricom Daraja (M-PESA Express), both directions: {@code outbound} implements {@code PaymentGateway} (OAuth,
 * STK push, STK query); {@code inbound} receives the STK callback. Daraja's JSON shapes and codes stay in this
 * module (docs/daraja.md).
 */
package ke.invoiceiq.adapters.daraja;
