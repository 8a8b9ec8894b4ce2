-- InvoiceIQ schema, version 8: outbound delivery under WhatsApp's real limits, on several instances.
--
-- outbox: a claim token (each dispatcher run claims under a token of its own; every later write about the row is
-- conditional on it, so a dispatcher whose lease ran out writes nothing); a merchant notice folded into a digest
-- ends COALESCED and names the digest; the cancellation notice has a purpose of its own (it is never dropped for a
-- cancelled invoice, unlike a reminder), and so has the digest.
ALTER TABLE outbox
    ADD COLUMN claim_token    text,
    ADD COLUMN coalesced_into text;

ALTER TABLE outbox DROP CONSTRAINT outbox_purpose_ck;
ALTER TABLE outbox ADD CONSTRAINT outbox_purpose_ck CHECK (purpose IN ('INVOICE', 'REMINDER', 'RECEIPT',
    'PAYMENT_FAILED', 'CANCELLATION', 'REPLY', 'MERCHANT_NOTICE', 'MERCHANT_DIGEST'));

ALTER TABLE outbox DROP CONSTRAINT outbox_status_ck;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_ck
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'COALESCED'));

-- A coalesced row, and only one, names its digest. The claim token has no such rule: the previous release, which
-- knows nothing of it, still runs beside this one during a rolling deploy and leaves it as it finds it.
ALTER TABLE outbox ADD CONSTRAINT outbox_coalesced_into_ck
    CHECK ((status = 'COALESCED') = (coalesced_into IS NOT NULL));

-- The retention purge's cutoff now covers coalesced rows too.
DROP INDEX outbox_finished_idx;
CREATE INDEX outbox_finished_idx ON outbox (updated_at) WHERE status IN ('SENT', 'FAILED', 'COALESCED');

-- The notices still waiting for one staff number, which a digest carries along.
CREATE INDEX outbox_waiting_recipient_idx ON outbox (recipient_msisdn, purpose, channel, created_at)
    WHERE status IN ('PENDING', 'SENDING');

-- ---------------------------------------------------------------------------------------------------
-- send_slots: turns to send, shared by every instance. 'to:<number>' is a recipient's turn (WhatsApp's pair rate
-- limit) and 'number' the business number's current second ('taken' sends in it, the throughput); 'once:<key>' is
-- something done at most once per period (the merchant told that a channel refuses our setup). busy_until is when
-- the slot is free again; every claim is one statement, so two instances never both take one.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE send_slots (
    key        text        PRIMARY KEY,
    busy_until timestamptz NOT NULL,
    taken      integer     NOT NULL DEFAULT 1,
    CONSTRAINT send_slots_key_ck CHECK (key ~ '^(to:254[17][0-9]{8}|number|once:[A-Za-z0-9._:-]{1,100})$'),
    CONSTRAINT send_slots_taken_ck CHECK (taken >= 1)
);

-- The dispatcher forgets the slots that ended.
CREATE INDEX send_slots_busy_until_idx ON send_slots (busy_until);

-- ---------------------------------------------------------------------------------------------------
-- held_delivery_reports: a provider's report about a message whose send is not recorded yet (WhatsApp can report
-- 'failed' before the dispatcher has written down the id it got back). Applied once the send is recorded, forgotten
-- after a while if it never is.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE held_delivery_reports (
    channel             text        NOT NULL,
    provider_message_id text        NOT NULL,
    status              text        NOT NULL,
    error_code          text,
    reported_at         timestamptz NOT NULL,
    held_at             timestamptz NOT NULL,
    PRIMARY KEY (channel, provider_message_id, status),
    CONSTRAINT held_delivery_reports_channel_ck CHECK (channel IN ('WHATSAPP', 'SMS')),
    CONSTRAINT held_delivery_reports_status_ck CHECK (status IN ('SENT', 'DELIVERED', 'READ', 'FAILED'))
);

CREATE INDEX held_delivery_reports_held_idx ON held_delivery_reports (held_at);
