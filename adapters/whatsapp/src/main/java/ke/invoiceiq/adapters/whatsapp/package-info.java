/**
 * WhatsApp Cloud API (Meta Graph API), both directions: {@code inbound} verifies and parses the webhook and hands
 * messages and delivery statuses to the use cases; {@code outbound} implements {@code ChatMessenger}. Meta's JSON
 * shapes and error codes stay in this module (docs/whatsapp.md).
 */
package ke.invoiceiq.adapters.whatsapp;
