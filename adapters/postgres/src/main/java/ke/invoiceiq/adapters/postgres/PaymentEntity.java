package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code payments}. Read through the entity; inserted and updated by SQL statements in
 * {@link PostgresPaymentRepository}. {@code raw_request} / {@code raw_callback} are not mapped: the domain
 * keeps no raw provider bodies.
 */
@Entity
@Table(name = "payments")
public class PaymentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "invoice_id", nullable = false)
    public String invoiceId;

    @Column(name = "method", nullable = false)
    public String method;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "mpesa_receipt")
    public String mpesaReceipt;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "payer_msisdn", nullable = false)
    public String payerMsisdn;

    @Column(name = "merchant_request_id")
    public String merchantRequestId;

    @Column(name = "checkout_request_id", unique = true)
    public String checkoutRequestId;

    @Column(name = "result_code")
    public Integer resultCode;

    @Column(name = "result_desc")
    public String resultDesc;

    @Column(name = "transaction_time")
    public Instant transactionTime;

    @Column(name = "queries", nullable = false)
    public int queries;

    @Column(name = "last_queried_at")
    public Instant lastQueriedAt;
}
