package ke.invoiceiq.adapters.daraja.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * Reads a Daraja C2B validation or confirmation request (docs/daraja.md, "C2B: Paybill and Till"): one flat JSON
 * object with {@code TransactionType}, {@code TransID}, {@code TransTime}, {@code TransAmount},
 * {@code BusinessShortCode}, {@code BillRefNumber}, {@code InvoiceNumber}, {@code OrgAccountBalance},
 * {@code ThirdPartyTransID}, {@code MSISDN}, {@code FirstName}, {@code MiddleName}, {@code LastName}.
 *
 * <ul>
 * <li>Required: {@code TransID} (the receipt, the key), {@code TransAmount} (a number or a string, read exactly,
 * more than zero), {@code BusinessShortCode} (5 to 7 digits). Without one of them the request is
 * {@linkplain MalformedCallbackException malformed}.</li>
 * <li>{@code TransTime} is {@code yyyyMMddHHmmss} in Kenyan time; missing or unreadable, the time it arrived
 * stands in.</li>
 * <li>{@code TransactionType} {@code Buy Goods} (or {@code CustomerBuyGoodsOnline}) is a Till payment, whose
 * {@code BillRefNumber} is ignored; anything else is Paybill. A {@code BillRefNumber} over 20 characters names no
 * invoice and is dropped.</li>
 * <li><b>Never read</b>: {@code MSISDN} (Safaricom masks or hashes it, so it cannot match anything),
 * {@code FirstName}, {@code MiddleName}, {@code LastName}, {@code OrgAccountBalance}, {@code InvoiceNumber},
 * {@code ThirdPartyTransID}: least data, they are not needed.</li>
 * </ul>
 * Thread-safe.
 */
final class C2bCallbackParser {

    private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ObjectReader reader;

    C2bCallbackParser(ObjectMapper json) {
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    C2bPayment parse(byte[] body, Instant receivedAt) throws MalformedCallbackException {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedCallbackException("not JSON");
        } catch (IOException e) {
            throw new MalformedCallbackException("unreadable body");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedCallbackException("not a JSON object");
        }
        MpesaReceipt transId = text(root.get("TransID")).map(s -> s.toUpperCase(Locale.ROOT)).flatMap(v -> {
            try {
                return Optional.of(new MpesaReceipt(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new MalformedCallbackException("no usable TransID"));
        Money amount = amount(root.get("TransAmount"))
                .orElseThrow(() -> new MalformedCallbackException("no usable TransAmount"));
        String shortCode = text(root.get("BusinessShortCode")).filter(s -> s.matches("[0-9]{5,7}"))
                .orElseThrow(() -> new MalformedCallbackException("no usable BusinessShortCode"));
        C2bPayment.Kind kind = kind(text(root.get("TransactionType")).orElse(""));
        Optional<String> account = kind == C2bPayment.Kind.TILL ? Optional.empty()
                : text(root.get("BillRefNumber")).filter(s -> s.length() <= C2bPayment.ACCOUNT_MAX);
        Instant paidAt = text(root.get("TransTime")).flatMap(C2bCallbackParser::transTime).orElse(receivedAt);
        return new C2bPayment(transId, kind, amount, paidAt, shortCode, account, receivedAt);
    }

    static C2bPayment.Kind kind(String transactionType) {
        String compact = transactionType.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return compact.contains("buygoods") ? C2bPayment.Kind.TILL : C2bPayment.Kind.PAYBILL;
    }

    private static Optional<Money> amount(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            if (node.isNumber()) {
                return Money.reported(node.decimalValue());
            }
            if (node.isTextual()) {
                return Money.reported(new BigDecimal(node.asText().strip()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<Instant> transTime(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value, TRANS_TIME).atZone(StkCallbackParser.NAIROBI).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String s = node.isNumber() && node.canConvertToExactIntegral() ? node.bigIntegerValue().toString()
                : node.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
