package ke.invoiceiq.adapters.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Daraja's C2B confirmation body (docs/daraja.md, "C2B: Paybill and Till"): one flat object with the
 * {@code TransactionType} ({@code Pay Bill} or {@code Buy Goods}), the {@code TransID}, the {@code TransTime}
 * ({@code yyyyMMddHHmmss} in Kenyan time), the {@code TransAmount} as a string with two decimals, the
 * {@code BusinessShortCode}, the {@code BillRefNumber} as the customer typed it, the {@code MSISDN} masked as
 * Safaricom sends it, and placeholder names.
 */
final class C2bConfirmations {

    /** The simulated Paybill and Till numbers (made up; the service does not check the short code). */
    static final String PAYBILL = "600100";
    static final String TILL = "5123456";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(SandboxIds.NAIROBI);

    private C2bConfirmations() {
    }

    /** A Paybill payment with {@code account} typed as the account number. */
    static byte[] paybill(String transId, long shillings, String account, Instant at, Msisdn payer) {
        return body("Pay Bill", transId, shillings, PAYBILL, account, at, payer);
    }

    /** A Till (Buy Goods) payment: no account number. */
    static byte[] till(String transId, long shillings, Instant at, Msisdn payer) {
        return body("Buy Goods", transId, shillings, TILL, "", at, payer);
    }

    private static byte[] body(String type, String transId, long shillings, String shortCode, String account,
            Instant at, Msisdn payer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("TransactionType", type);
        root.put("TransID", transId);
        root.put("TransTime", TRANS_TIME.format(at));
        root.put("TransAmount", BigDecimal.valueOf(shillings).setScale(2).toPlainString());
        root.put("BusinessShortCode", shortCode);
        root.put("BillRefNumber", account);
        root.put("InvoiceNumber", "");
        root.put("OrgAccountBalance", "");
        root.put("ThirdPartyTransID", "");
        root.put("MSISDN", masked(payer));
        root.put("FirstName", "SANDBOX");
        root.put("MiddleName", "");
        root.put("LastName", "CUSTOMER");
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** As C2B v2 shows the payer: {@code 2547 ***** 678}. */
    static String masked(Msisdn payer) {
        String n = payer.value();
        return n.substring(0, 4) + " ***** " + n.substring(n.length() - 3);
    }
}
