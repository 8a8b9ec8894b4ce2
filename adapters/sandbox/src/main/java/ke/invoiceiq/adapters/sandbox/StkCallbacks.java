package ke.invoiceiq.adapters.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Daraja's STK callback body (docs/daraja.md): {@code Body.stkCallback} with the two request ids, the
 * {@code ResultCode} as a number and its {@code ResultDesc}; on success the {@code CallbackMetadata.Item[]} with the
 * {@code Amount} (a decimal, {@code 2500.00}), the {@code MpesaReceiptNumber}, a {@code Balance} without a value (as
 * real callbacks often have it), the {@code TransactionDate} as a number {@code yyyyMMddHHmmss} in Kenyan time and
 * the {@code PhoneNumber} as a 12-digit number. A failure carries no metadata.
 */
final class StkCallbacks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(SandboxIds.NAIROBI);

    private StkCallbacks() {
    }

    static byte[] body(String merchantRequestId, String checkoutRequestId, StkOutcome outcome, long shillings,
            String receipt, Instant at, Msisdn phone) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode callback = root.putObject("Body").putObject("stkCallback");
        callback.put("MerchantRequestID", merchantRequestId);
        callback.put("CheckoutRequestID", checkoutRequestId);
        callback.put("ResultCode", outcome.resultCode());
        callback.put("ResultDesc", outcome.resultDesc());
        if (outcome.paid()) {
            ArrayNode items = callback.putObject("CallbackMetadata").putArray("Item");
            items.addObject().put("Name", "Amount").put("Value", BigDecimal.valueOf(shillings).setScale(2));
            items.addObject().put("Name", "MpesaReceiptNumber").put("Value", receipt);
            items.addObject().put("Name", "Balance");
            items.addObject().put("Name", "TransactionDate").put("Value", Long.parseLong(TRANSACTION_DATE.format(at)));
            items.addObject().put("Name", "PhoneNumber").put("Value", Long.parseLong(phone.value()));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
