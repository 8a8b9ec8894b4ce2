package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code invoices}, the root of the aggregate (its attempts are {@link PaymentEntity} rows). Written by
 * {@link PostgresInvoiceRepository}; never left managed.
 */
@Entity
@Table(name = "invoices")
public class InvoiceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "msisdn", nullable = false)
    public String msisdn;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Column(name = "currency", nullable = false)
    public String currency;

    @Column(name = "description", nullable = false)
    public String description;

    @Column(name = "status", nullable = false)
    public String status;

    /** The specification's payment reference column; not written by this adapter (see mpesaReceipt). */
    @Column(name = "pay_ref")
    public String payRef;

    /** The specification's pay link column; the link is BASE_URL + /pay/ + payToken, built where BASE_URL is known. */
    @Column(name = "pay_link")
    public String payLink;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Audit only: set by the database (default and every UPDATE statement), never by the entity. */
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;

    @Column(name = "pay_token", nullable = false, unique = true)
    public String payToken;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "delivery_channel")
    public String deliveryChannel;

    /** The receipt of its latest payment; written for reports, never read back (the attempts hold it). */
    @Column(name = "mpesa_receipt")
    public String mpesaReceipt;

    /** What its successful attempts received in all; written for reports, never read back. */
    @Column(name = "amount_paid_cents", nullable = false)
    public long amountPaidCents;

    /** The Idempotency-Key of the request that created it, if it carried one. */
    @Column(name = "creation_key")
    public String creationKey;

    @Column(name = "reminder_count", nullable = false)
    public int reminderCount;

    @Column(name = "last_reminded_at")
    public Instant lastRemindedAt;

    /** The day it is due, in Kenya (V11); null when it has none. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The language its customer reads it in, as a tag (V11). */
    @Column(name = "language", nullable = false)
    public String language;

    /** The optimistic lock, checked and bumped by a conditional UPDATE (not Hibernate's @Version). */
    @Column(name = "version", nullable = false)
    public long version;
}
