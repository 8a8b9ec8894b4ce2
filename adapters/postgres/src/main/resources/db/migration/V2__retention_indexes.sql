-- InvoiceIQ schema, version 2: indexes for the retention purge (docs/data-retention.md).
--
-- The purge deletes, in batches, rows older than a cutoff. Each batch is picked by one of these indexes, so a
-- purge reads only what it deletes instead of scanning the table under its locks. message_log and
-- inbound_events already have theirs (V1: message_log_created_idx, inbound_events_seen_idx); chat_sessions
-- holds one row per merchant number and needs none. Partial indexes: only the rows a purge may delete are
-- indexed, so the hot paths (queueing, claiming, storing callbacks) pay for nothing they do not need.

-- outbox: finished messages (never PENDING or SENDING) by the time of their last change.
CREATE INDEX outbox_finished_idx ON outbox (updated_at) WHERE status IN ('SENT', 'FAILED');

-- stk_callbacks: results already applied to their payment, by the time they were applied.
CREATE INDEX stk_callbacks_processed_idx ON stk_callbacks (processed_at) WHERE processed_at IS NOT NULL;

-- customers: numbers that only wrote to us (never invoiced), by the last time they wrote.
CREATE INDEX customers_contacts_inbound_idx ON customers (last_inbound_at) WHERE NOT is_customer;
