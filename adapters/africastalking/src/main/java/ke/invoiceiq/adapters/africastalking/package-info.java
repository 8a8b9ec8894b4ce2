/**
 * Africa's Talking SMS, both directions: {@code outbound} implements {@code SmsMessenger} (the classic form-encoded
 * {@code POST /version1/messaging}); {@code inbound} receives delivery reports and incoming SMS. Africa's Talking's
 * field names, status words and codes stay in this module (docs/sms.md).
 */
package ke.invoiceiq.adapters.africastalking;
