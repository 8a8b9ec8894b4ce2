-- InvoiceIQ schema, version 6: automatic replies a number gets at most once per period.
--
-- One row per number and channel: when it last got an automatic answer (the help SMS). The row is claimed with
-- one INSERT ... ON CONFLICT DO UPDATE ... WHERE, so two instances answering the same number at once cannot both
-- send. Rows older than the contacts' retention are deleted by the purge; nothing else about the number is kept.
CREATE TABLE reply_cooldowns (
    msisdn          text        NOT NULL,
    channel         text        NOT NULL,
    last_reply_at   timestamptz NOT NULL,
    PRIMARY KEY (msisdn, channel),
    CONSTRAINT reply_cooldowns_msisdn_ck CHECK (msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT reply_cooldowns_channel_ck CHECK (channel IN ('WHATSAPP', 'SMS'))
);

-- The retention purge's cutoff.
CREATE INDEX reply_cooldowns_last_reply_idx ON reply_cooldowns (last_reply_at);
