-- InvoiceIQ schema, version 4: the durable inbox of provider webhooks.
--
-- A verified webhook body is stored here, byte for byte, before the provider gets its 200; it is processed at
-- once and marked processed. A row left unprocessed by a crash is claimed again by a sweeper once it is older than
-- the lease (leased_until is the end of a sweeper's lease; attempts counts the sweeper's claims). Processed rows are
-- deleted by the retention purge. The correlation id follows the outbox's rule, so it can never carry text or line
-- breaks into the logs.
CREATE TABLE webhook_inbox (
    id             bigserial   PRIMARY KEY,
    provider       text        NOT NULL,
    body           bytea       NOT NULL,
    received_at    timestamptz NOT NULL,
    correlation_id text,
    processed_at   timestamptz,
    leased_until   timestamptz,
    attempts       int         NOT NULL DEFAULT 0,
    CONSTRAINT webhook_inbox_correlation_id_ck
        CHECK (length(correlation_id) <= 64 AND correlation_id ~ '^[A-Za-z0-9._:=-]+$')
);

-- The sweeper's claim: unprocessed rows, oldest first.
CREATE INDEX webhook_inbox_unprocessed_idx ON webhook_inbox (received_at) WHERE processed_at IS NULL;

-- The retention purge's cutoff.
CREATE INDEX webhook_inbox_processed_idx ON webhook_inbox (processed_at) WHERE processed_at IS NOT NULL;
