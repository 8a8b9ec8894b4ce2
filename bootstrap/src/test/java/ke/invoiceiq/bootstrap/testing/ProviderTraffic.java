package ke.invoiceiq.bootstrap.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * What the providers send the running application, in the providers' documented shapes (docs/whatsapp.md, docs/daraja.md, docs/sms.md), through the real endpoints:
 * Meta's signed webhooks (docs/whatsapp.md), Safaricom's STK callbacks (docs/daraja.md) and Africa's Talking's form posts (docs/sms.md,
 * docs/sms.md). Shared by the end-to-end, acceptance, browser and packaged-application tests; each names its own secrets.
 * Every phone number and text a message carries is recorded for the log scan ({@link TypedInTests}).
 */
public final class ProviderTraffic {

    public static final String WEBHOOK = "/whatsapp/webhook";
    public static final String STK_CALLBACK = "/payments/stk/callback/";

    private ProviderTraffic() {
    }

    // ---- WhatsApp (Meta) -----------------------------------------------------------------------------------

    public static String newWamid() {
        return "wamid.e2e-" + UUID.randomUUID();
    }

    /** Posts {@code body} signed with {@code appSecret} as Meta does. */
    public static Response postSignedWebhook(String body, String appSecret) {
        return given().contentType("application/json")
                .header("X-Hub-Signature-256", signature(body, appSecret))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(WEBHOOK);
    }

    /** Meta's signature: {@code sha256=} + hex HMAC-SHA256 of the raw bytes with the app secret. */
    public static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An inbound text for the business number {@code phoneId}. */
    public static String whatsAppText(String phoneId, Msisdn from, String wamid, String text) {
        return whatsAppText(phoneId, from, wamid, text, Instant.now());
    }

    /** An inbound text whose {@code timestamp} (when Meta says it was sent) is {@code sentAt}. */
    public static String whatsAppText(String phoneId, Msisdn from, String wamid, String text, Instant sentAt) {
        TypedInTests.text(text);
        return messageWebhook(phoneId, from, """
                {"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}"""
                .formatted(from.value(), wamid, sentAt.getEpochSecond(), json(text)));
    }

    /** A reply-button tap ({@code interactive.button_reply}) on a message we sent. */
    public static String whatsAppTap(String phoneId, Msisdn from, String wamid, String buttonId, String title) {
        return messageWebhook(phoneId, from, """
                {"context":{"from":"15550783881","id":"wamid.e2e-context"},"from":"%s","id":"%s","timestamp":"%d",
                 "type":"interactive","interactive":{"type":"button_reply",
                 "button_reply":{"id":"%s","title":"%s"}}}"""
                .formatted(from.value(), wamid, Instant.now().getEpochSecond(), json(buttonId), json(title)));
    }

    private static String messageWebhook(String phoneId, Msisdn from, String message) {
        TypedInTests.number(from);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Test Sender"},"wa_id":"%s"}],
                  "messages":[%s]},
                  "field":"messages"}]}]}""".formatted(phoneId, from.value(), message);
    }

    /** A status update for a message we sent; {@code extra} goes inside the status object (e.g. its errors). */
    public static String whatsAppStatus(String phoneId, String wamid, String status, Msisdn recipient, String extra) {
        TypedInTests.number(recipient);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                  "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}]},
                  "field":"messages"}]}]}""".formatted(phoneId, wamid, status, Instant.now().getEpochSecond(),
                recipient.value(), extra);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    // ---- M-PESA (Daraja) ------------------------------------------------------------------------------------

    public static int postStkCallback(String token, String body) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(STK_CALLBACK + token).then().extract().statusCode();
    }

    /** A fresh receipt number in M-PESA's shape (10 capitals and digits). */
    public static String receipt() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder receipt = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            receipt.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return receipt.toString();
    }

    /**
     * A fresh MerchantRequestID in Daraja's shape: each push has its own, and the service may match a result by it, so
     * a fixed one would tie a test's callback to another test's attempt in the shared database.
     */
    public static String merchantRequestId() {
        return "29115-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999) + "-1";
    }

    /** A success callback (Balance without Value, numbers as numbers). */
    public static String stkSuccess(String checkout, String amount, String receipt, Msisdn phone) {
        return stkSuccessAt(checkout, amount, receipt, phone, "20191219102115");
    }

    /** A success callback whose TransactionDate is {@code at} (to the second), as Daraja writes it: Kenyan time. */
    public static String stkSuccess(String checkout, String amount, String receipt, Msisdn phone, Instant at) {
        return stkSuccessAt(checkout, amount, receipt, phone,
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi")).format(at));
    }

    private static String stkSuccessAt(String checkout, String amount, String receipt, Msisdn phone,
            String transactionDate) {
        TypedInTests.number(phone);
        return """
                { "Body": { "stkCallback": {
                  "MerchantRequestID": "%s",
                  "CheckoutRequestID": "%s",
                  "ResultCode": 0,
                  "ResultDesc": "The service request is processed successfully.",
                  "CallbackMetadata": { "Item": [
                    { "Name": "Amount", "Value": %s },
                    { "Name": "MpesaReceiptNumber", "Value": "%s" },
                    { "Name": "Balance" },
                    { "Name": "TransactionDate", "Value": %s },
                    { "Name": "PhoneNumber", "Value": %s }
                  ] } } } }""".formatted(merchantRequestId(), checkout, amount, receipt, transactionDate,
                phone.value());
    }

    /** A failure callback: no metadata, the code and Safaricom's description (docs/daraja.md). */
    public static String stkFailure(String checkout, int resultCode, String resultDesc) {
        return """
                { "Body": { "stkCallback": {
                  "MerchantRequestID": "%s",
                  "CheckoutRequestID": "%s",
                  "ResultCode": %d,
                  "ResultDesc": "%s" } } }""".formatted(merchantRequestId(), checkout, resultCode, json(resultDesc));
    }

    // ---- SMS (Africa's Talking) -----------------------------------------------------------------------------

    /** An incoming SMS as Africa's Talking posts it. */
    public static Response smsIncoming(String token, String id, Msisdn from, String text) {
        TypedInTests.number(from);
        TypedInTests.text(text);
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                // sent now: a message older than the de-duplication retention (14 days) would be ignored
                .formParam("date", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .formParam("from", "+" + from.value())
                .formParam("id", id)
                .formParam("linkId", "SampleLinkId123")
                .formParam("text", text)
                .formParam("to", "40404")
                .formParam("networkCode", "63902")
                .when().post("/sms/inbound/" + token);
    }

    /** A delivery report; {@code extra} is more form fields, e.g. {@code &failureReason=UserDoesNotExist}. */
    public static Response smsDeliveryReport(String token, String id, String status, Msisdn to, String extra) {
        TypedInTests.number(to);
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("id=" + id + "&status=" + status + "&phoneNumber=%2B" + to.value() + "&networkCode=63902"
                        + "&retryCount=0" + extra)
                .when().post("/sms/status/" + token);
    }

    // ---- waiting --------------------------------------------------------------------------------------------

    /** Polls {@code condition} every 25 ms until it holds, failing after {@code wait}. */
    public static void eventually(Duration wait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + wait);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
