package ke.invoiceiq.adapters.daraja.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * Reads a Daraja STK callback (docs/daraja.md) leniently, as a Jackson tree:
 * {@code Body.stkCallback.{MerchantRequestID, CheckoutRequestID, ResultCode, ResultDesc, CallbackMetadata.Item[]}}.
 *
 * <ul>
 * <li>Required: {@code CheckoutRequestID} (the correlation key) and {@code ResultCode}, a JSON number or a string
 * of digits. Without either the callback is {@linkplain MalformedCallbackException malformed}.</li>
 * <li>{@code MerchantRequestID} and {@code ResultDesc} are optional (empty / {@code ""} when missing).</li>
 * <li>{@code CallbackMetadata.Item[]} is read by {@code Name}, never by position, and only when present (Daraja
 * sends it on success only): {@code Amount} as a decimal (number or string, read exactly, never through
 * {@code double}), {@code MpesaReceiptNumber}, {@code TransactionDate} (a number {@code yyyyMMddHHmmss} in
 * Africa/Nairobi time), {@code PhoneNumber} (a 12-digit number, also accepted as a string). {@code Balance},
 * usually without a {@code Value}, and unknown names are ignored.</li>
 * <li>A metadata value that is present but unusable (a receipt of the wrong form, a date that is not a date, a
 * number that is not a Kenyan mobile) becomes empty rather than losing the whole callback: the result code
 * is what settles the attempt, and the inbox keeps it.</li>
 * </ul>
 * Thread-safe.
 */
final class StkCallbackParser {

    /** Daraja's {@code TransactionDate} is local time in Kenya (EAT, UTC+3, no DST). */
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ObjectReader reader;

    StkCallbackParser(ObjectMapper json) {
        // decimals as BigDecimal: "Amount": 1.00 must not pass through a double
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    PaymentResult parse(byte[] body, Instant receivedAt) throws MalformedCallbackException {
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
        JsonNode callback = root.path("Body").path("stkCallback");
        if (!callback.isObject()) {
            throw new MalformedCallbackException("no Body.stkCallback");
        }
        CheckoutRequestId checkout = text(callback.get("CheckoutRequestID")).flatMap(v -> {
            try {
                return Optional.of(new CheckoutRequestId(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new MalformedCallbackException("no usable CheckoutRequestID"));
        int code = resultCode(callback.get("ResultCode"))
                .orElseThrow(() -> new MalformedCallbackException("no usable ResultCode"));
        String description = text(callback.get("ResultDesc")).orElse("");
        Optional<MerchantRequestId> merchant = text(callback.get("MerchantRequestID")).flatMap(v -> {
            try {
                return Optional.of(new MerchantRequestId(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });

        JsonNode items = callback.path("CallbackMetadata").path("Item");
        return new PaymentResult(checkout, merchant, new StkResult(code, description),
                item(items, "Amount").flatMap(StkCallbackParser::amount),
                item(items, "MpesaReceiptNumber").flatMap(StkCallbackParser::receipt),
                item(items, "TransactionDate").flatMap(StkCallbackParser::transactionTime),
                item(items, "PhoneNumber").flatMap(StkCallbackParser::phone),
                receivedAt);
    }

    /** The {@code Value} of the first item called {@code name}; empty when there is none or it has no value. */
    private static Optional<JsonNode> item(JsonNode items, String name) {
        if (!items.isArray()) {
            return Optional.empty();
        }
        for (JsonNode item : items) {
            if (name.equals(item.path("Name").asText(null))) {
                JsonNode value = item.get("Value");
                return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String s = node.isNumber() ? plainInteger(node).orElse(node.asText()) : node.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    static Optional<Integer> resultCode(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return node.canConvertToExactIntegral() && node.canConvertToInt()
                    ? Optional.of(node.intValue()) : Optional.empty();
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(node.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> amount(JsonNode value) {
        try {
            if (value.isNumber()) {
                return Optional.of(value.decimalValue());
            }
            if (value.isTextual()) {
                return Optional.of(new BigDecimal(value.asText().strip()));
            }
        } catch (NumberFormatException e) {
            // not a number: no amount
        }
        return Optional.empty();
    }

    private static Optional<MpesaReceipt> receipt(JsonNode value) {
        try {
            return text(value).map(MpesaReceipt::new);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> transactionTime(JsonNode value) {
        try {
            return digits(value).map(s -> LocalDateTime.parse(s, TRANSACTION_DATE).atZone(NAIROBI).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Msisdn> phone(JsonNode value) {
        return digits(value).flatMap(s -> {
            try {
                return Optional.of(new Msisdn(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** A whole number written as a JSON number (long or decimal form) or a string of digits. */
    private static Optional<String> digits(JsonNode value) {
        Optional<String> s = value.isNumber() ? plainInteger(value)
                : value.isTextual() ? Optional.of(value.asText().strip()) : Optional.empty();
        return s.filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit));
    }

    private static Optional<String> plainInteger(JsonNode number) {
        try {
            return Optional.of(number.decimalValue().toBigIntegerExact().toString());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
