-- InvoiceIQ schema, version 3: the correlation id of the work that queued an outbox message.
--
-- The dispatcher sends a message after the request that queued it has ended; it puts this id back into the
-- logging context while it sends, so its log lines carry the id of that request. NULL for messages queued
-- outside a request (scheduled jobs) and for every row queued before this version. The domain admits only a
-- plain token (1 to 64 characters of [A-Za-z0-9._:=-]); the database keeps the same rule, so the column can
-- never carry text or line breaks into the logs.
ALTER TABLE outbox ADD COLUMN correlation_id text;

ALTER TABLE outbox ADD CONSTRAINT outbox_correlation_id_ck
    CHECK (length(correlation_id) <= 64 AND correlation_id ~ '^[A-Za-z0-9._:=-]+$');
