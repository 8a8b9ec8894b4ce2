package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code payments}: one attempt of an invoice. Read through the entity; written with its invoice by SQL
 * statements in {@link PostgresInvoiceRepository}. {@code raw_request} / {@code raw_callback} are not mapped (the
 * domain keeps no raw provider bodies on an attempt), nor is {@code reconcile_lease_until}, which only
 * {@link PostgresPaymentRepository}'s claim writes.
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

    /** What M-PESA moved: present exactly when the attempt succeeded. */
    @Column(name = "received_cents")
    public Long receivedCents;

    @Column(name = "queries", nullable = false)
    public int queries;

    @Column(name = "last_queried_at")
    public Instant lastQueriedAt;
}
