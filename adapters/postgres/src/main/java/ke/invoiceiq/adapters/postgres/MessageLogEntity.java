package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code message_log}: metadata of one message event, never its text, a number or a name. */
@Entity
@Table(name = "message_log")
public class MessageLogEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public String id;

    /** Assigned by the database on insert: the order entries of the same instant were recorded in. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "channel", nullable = false)
    public String channel;

    @Column(name = "direction", nullable = false)
    public String direction;

    @Column(name = "event", nullable = false)
    public String event;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
