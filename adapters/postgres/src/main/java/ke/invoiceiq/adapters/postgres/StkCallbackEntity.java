package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code stk_callbacks}: one payment result, several per CheckoutRequestID. Inserted with
 * {@code ON CONFLICT DO NOTHING} by {@link PostgresPaymentResultInbox}, with its body as received.
 */
@Entity
@Table(name = "stk_callbacks")
public class StkCallbackEntity extends PanacheEntityBase {

    /** Given by the database ({@code bigserial}) when the row is inserted. */
    @Id
    @Column(name = "id")
    public long id;

    @Column(name = "checkout_request_id", nullable = false)
    public String checkoutRequestId;

    @Column(name = "merchant_request_id")
    public String merchantRequestId;

    @Column(name = "result_code", nullable = false)
    public int resultCode;

    @Column(name = "result_desc", nullable = false)
    public String resultDesc;

    /** Unconstrained numeric: the scale M-PESA sent ({@code 2500} or {@code 2500.00}) comes back unchanged. */
    @Column(name = "amount", columnDefinition = "numeric")
    public BigDecimal amount;

    @Column(name = "mpesa_receipt")
    public String mpesaReceipt;

    @Column(name = "transaction_time")
    public Instant transactionTime;

    @Column(name = "phone_msisdn")
    public String phoneMsisdn;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The body as received: no port reads it back; it is kept for support and audits. */
    @Column(name = "raw_body")
    public String rawBody;

    /** The end of the sweeper's lease, once it claimed the row. */
    @Column(name = "lease_until")
    public Instant leaseUntil;
}
