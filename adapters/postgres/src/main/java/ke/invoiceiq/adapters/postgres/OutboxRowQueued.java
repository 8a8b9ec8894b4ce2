package ke.invoiceiq.adapters.postgres;

/**
 * A CDI event fired in the unit of work that queues an outbox row: observed after that unit commits, it wakes the
 * dispatcher, so a message goes out at once instead of at the next poll. It carries nothing; the row is read from the
 * outbox like any other.
 */
public record OutboxRowQueued() {
}
