package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of {@code outbox}. Inserted through the entity; claimed and moved on by SQL statements in
 * {@link PostgresOutbox}. The content is JSON written by {@link OutboundContentJson}. The {@code claim_token}
 * column is written by those statements only: a claim is no part of the domain's message.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "recipient_msisdn", nullable = false)
    public String recipientMsisdn;

    @Column(name = "purpose", nullable = false)
    public String purpose;

    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "channel", nullable = false)
    public String channel;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "content", nullable = false, columnDefinition = "jsonb")
    public String content;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "delivery_status")
    public String deliveryStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The digest that carried this merchant notice, when COALESCED. */
    @Column(name = "coalesced_into")
    public String coalescedInto;

    /** Audit only: set by the database (default and every UPDATE statement), never by the entity. */
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
