package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code chat_sessions}. The state is JSON written by {@link ChatStateJson}; rows are written by
 * versioned SQL statements in {@link PostgresChatSessionRepository}, so the entity only reads.
 */
@Entity
@Table(name = "chat_sessions")
public class ChatSessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "merchant_msisdn")
    public String merchantMsisdn;

    @Column(name = "state_kind", nullable = false)
    public String stateKind;

    @Column(name = "state", nullable = false, columnDefinition = "jsonb", insertable = false, updatable = false)
    public String state;

    @Column(name = "last_input_at")
    public Instant lastInputAt;

    @Column(name = "version", nullable = false)
    public long version;

    /** Audit only: set by the database (default and every UPDATE statement), never by the entity. */
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
