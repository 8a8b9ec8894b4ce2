-- InvoiceIQ schema, version 9: the webhook inbox retries a failed webhook with backoff and keeps each sender's
-- webhooks in order.
--
-- A webhook whose handling failed is not marked processed: failures counts the failed tries, next_attempt_at is when
-- it may be tried again, last_error the kind of the last error (an exception class name, never a message: messages
-- can quote the payload). After the last try the sender is asked to write again and given_up_at is set with
-- processed_at. sender_keys are opaque keys of the people whose messages the webhook carries (hashes, no phone
-- number; empty for delivery statuses only): a webhook is not claimed while an older unprocessed webhook of one of
-- its senders is leased or waiting for its next try. attempts keeps counting claims.
ALTER TABLE webhook_inbox
    ADD COLUMN sender_keys     text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN failures        int         NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_error      text,
    ADD COLUMN given_up_at     timestamptz,
    ADD CONSTRAINT webhook_inbox_failures_ck CHECK (failures >= 0),
    ADD CONSTRAINT webhook_inbox_last_error_ck CHECK (length(last_error) <= 200),
    ADD CONSTRAINT webhook_inbox_given_up_ck CHECK (given_up_at IS NULL OR processed_at IS NOT NULL);

-- Whether an older webhook of the same sender is still unprocessed (the claim and the start of each handling ask).
CREATE INDEX webhook_inbox_unprocessed_senders_idx ON webhook_inbox USING gin (sender_keys)
    WHERE processed_at IS NULL;
