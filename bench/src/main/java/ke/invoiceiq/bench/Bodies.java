package ke.invoiceiq.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the providers send the service, in the documented shapes (the same as the tests'
 * {@code bootstrap/.../testing/ProviderTraffic}): Meta's signed webhooks, Safaricom's STK callbacks, Africa's
 * Talking's form posts.
 */
final class Bodies {

    static final String BUSINESS_DISPLAY_NUMBER = "15550783881";
    private static final DateTimeFormatter MPESA_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));

    private Bodies() {
    }

    /** {@code sha256=} + hex HMAC-SHA256 of the raw bytes with the app secret. */
    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String whatsAppText(String phoneId, String from, String wamid, String text) {
        return message(phoneId, from, """
                {"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}"""
                .formatted(from, wamid, Instant.now().getEpochSecond(), json(text)));
    }

    /** A reply-button tap on an interactive message. */
    static String whatsAppButtonReply(String phoneId, String from, String wamid, String buttonId, String title) {
        return message(phoneId, from, """
                {"context":{"from":"%s","id":"wamid.soak-context"},"from":"%s","id":"%s","timestamp":"%d",\
                "type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"%s","title":"%s"}}}"""
                .formatted(BUSINESS_DISPLAY_NUMBER, from, wamid, Instant.now().getEpochSecond(), json(buttonId),
                        json(title)));
    }

    /** A template's quick-reply tap ({@code type: button}). */
    static String whatsAppTemplateButton(String phoneId, String from, String wamid, String payload, String text) {
        return message(phoneId, from, """
                {"context":{"from":"%s","id":"wamid.soak-context"},"from":"%s","id":"%s","timestamp":"%d",\
                "type":"button","button":{"payload":"%s","text":"%s"}}"""
                .formatted(BUSINESS_DISPLAY_NUMBER, from, wamid, Instant.now().getEpochSecond(), json(payload),
                        json(text)));
    }

    private static String message(String phoneId, String from, String message) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"%s","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Soak Sender"},"wa_id":"%s"}],\
                "messages":[%s]},"field":"messages"}]}]}""".formatted(BUSINESS_DISPLAY_NUMBER, phoneId, from, message);
    }

    /** A status of a message we sent: {@code sent}, {@code delivered}, {@code read}, or {@code failed} with a code. */
    static String whatsAppStatus(String phoneId, String wamid, String status, String recipient, Integer errorCode) {
        String errors = errorCode == null ? "" : """
                ,"errors":[{"code":%d,"title":"Message undeliverable","message":"Message undeliverable",\
                "error_data":{"details":"Message failed to send because of an unknown error."}}]"""
                .formatted(errorCode);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp",\
                "metadata":{"display_phone_number":"%s","phone_number_id":"%s"},\
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}]},\
                "field":"messages"}]}]}""".formatted(BUSINESS_DISPLAY_NUMBER, phoneId, wamid, status,
                Instant.now().getEpochSecond(), recipient, errors);
    }

    /** A Daraja STK callback; a success carries the metadata (Balance without a Value, numbers as numbers). */
    static String stkCallback(String merchantRequestId, String checkoutRequestId, int resultCode, long amountKes,
            String receipt, String phone, Instant when) {
        if (resultCode != 0) {
            return """
                    {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":%d,\
                    "ResultDesc":"%s"}}}""".formatted(merchantRequestId, checkoutRequestId, resultCode,
                    resultDesc(resultCode));
        }
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":0,\
                "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[\
                {"Name":"Amount","Value":%d},{"Name":"MpesaReceiptNumber","Value":"%s"},{"Name":"Balance"},\
                {"Name":"TransactionDate","Value":%s},{"Name":"PhoneNumber","Value":%s}]}}}}"""
                .formatted(merchantRequestId, checkoutRequestId, amountKes, receipt, MPESA_TIME.format(when), phone);
    }

    static String resultDesc(int code) {
        return switch (code) {
            case 0 -> "The service request is processed successfully.";
            case 1032 -> "Request cancelled by user";
            case 1037 -> "DS timeout user cannot be reached";
            case 2001 -> "The initiator information is invalid.";
            case 1019 -> "Transaction has expired";
            default -> "Failed";
        };
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
