package ke.invoiceiq.adapters.postgres;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code customers}: a number that was invoiced ({@code customer}) or only wrote to us. Written by
 * upserts in {@link PostgresCustomerDirectory}.
 */
@Entity
@Table(name = "customers")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "msisdn")
    public String msisdn;

    @Column(name = "name")
    public String name;

    /** The name folded for look-ups: whitespace squashed, case ignored. */
    @Column(name = "name_key")
    public String nameKey;

    /** True once the number was invoiced; a number that only wrote to us is not a customer. */
    @Column(name = "is_customer", nullable = false)
    public boolean customer;

    @Column(name = "last_inbound_at")
    public Instant lastInboundAt;

    /** The tag of the language the number is written to in ({@code en}, {@code sw}); null for the default. */
    @Column(name = "language")
    public String language;

    /** True when the merchant chose the language; a learned one never replaces it. */
    @Column(name = "language_chosen", nullable = false)
    public boolean languageChosen;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    /** Audit only: set by the database (default and every UPDATE statement), never by the entity. */
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
