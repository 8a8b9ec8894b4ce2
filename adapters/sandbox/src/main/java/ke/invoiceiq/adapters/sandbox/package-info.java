/**
 * The offline sandbox (issue 8): simulated WhatsApp ({@link ke.invoiceiq.adapters.sandbox.SandboxChatMessenger}),
 * SMS ({@link ke.invoiceiq.adapters.sandbox.SandboxSmsMessenger}) and M-PESA
 * ({@link ke.invoiceiq.adapters.sandbox.SandboxPaymentGateway}) behind the core's driven ports, for development and
 * demos without a Meta app, Daraja keys or an Africa's Talking account, plus the phone simulator page at
 * {@code /sandbox}.
 *
 * <p>The simulators answer like the providers (message ids, status events, an accepted STK push and its callback a
 * moment later), and everything they report goes back into the service through its <b>real</b> driving endpoints,
 * over HTTP: signed WhatsApp webhooks ({@code /whatsapp/webhook}), Africa's Talking form posts
 * ({@code /sms/status/{token}}, {@code /sms/inbound/{token}}) and Daraja callbacks
 * ({@code /payments/stk/callback/{token}}), in the providers' documented shapes (docs/whatsapp.md, docs/daraja.md, docs/sms.md). So the sandbox exercises the same inbound
 * path production does, and depends on no other adapter.
 *
 * <p>Active only when {@code invoiceiq.sandbox.enabled} is true ({@code INVOICEIQ_SANDBOX}, on by default in the
 * {@code dev} profile): the application's provider selection serves a port with its simulator only then, and only
 * while the real provider is not configured; the endpoints under {@code /sandbox} answer 404 otherwise
 * ({@link ke.invoiceiq.adapters.sandbox.SandboxGuard}). The prod profile refuses to start with it on.
 *
 * <p>Nothing here logs a phone number or a message text: ids, codes and counts only.
 */
package ke.invoiceiq.adapters.sandbox;
