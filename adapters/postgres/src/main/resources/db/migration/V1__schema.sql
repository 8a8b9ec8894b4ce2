-- InvoiceIQ schema, version 1.
--
-- The specification's tables and column names (invoices, payments, message_log) are kept and extended;
-- every status, channel and kind column is CHECKed, money is in cents, every time is timestamptz.
-- Ids are the domain's own (text), never database sequences, so a row can be written before it is known
-- here (the outbox, the callback inbox) and ids never leak how many rows exist.

-- ---------------------------------------------------------------------------------------------------
-- invoices: one row per invoice aggregate. version is the optimistic lock (bumped by every update).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE invoices (
    id               text        PRIMARY KEY,
    customer_name    text,
    msisdn           text        NOT NULL,
    amount_cents     bigint      NOT NULL,
    currency         text        NOT NULL DEFAULT 'KES',
    description      text        NOT NULL,
    status           text        NOT NULL,
    pay_ref          text,
    pay_link         text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    pay_token        text        NOT NULL,
    sent_at          timestamptz,
    paid_at          timestamptz,
    cancelled_at     timestamptz,
    delivery_channel text,
    mpesa_receipt    text,
    reminder_count   integer     NOT NULL DEFAULT 0,
    last_reminded_at timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT invoices_status_ck CHECK (status IN ('PENDING', 'SENT', 'PAID', 'CANCELLED', 'FAILED')),
    CONSTRAINT invoices_delivery_channel_ck CHECK (delivery_channel IN ('WHATSAPP', 'SMS')),
    CONSTRAINT invoices_currency_ck CHECK (currency = 'KES'),
    -- M-PESA takes whole shillings, 1 to 250 000 per payment.
    CONSTRAINT invoices_amount_ck CHECK (amount_cents BETWEEN 100 AND 25000000 AND amount_cents % 100 = 0),
    CONSTRAINT invoices_msisdn_ck CHECK (msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT invoices_reminder_count_ck CHECK (reminder_count >= 0),
    CONSTRAINT invoices_version_ck CHECK (version >= 0),
    CONSTRAINT invoices_paid_has_time_ck CHECK (status <> 'PAID' OR paid_at IS NOT NULL),
    CONSTRAINT invoices_cancelled_has_time_ck CHECK (status <> 'CANCELLED' OR cancelled_at IS NOT NULL),
    CONSTRAINT invoices_pay_token_uq UNIQUE (pay_token)
);

-- GET /invoices and the merchant's "latest": newest first, optionally in one status.
CREATE INDEX invoices_created_idx ON invoices (created_at DESC, id DESC);
CREATE INDEX invoices_status_created_idx ON invoices (status, created_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------
-- payments: one row per STK push attempt. INITIATED is committed before the push is requested.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE payments (
    id                  text        PRIMARY KEY,
    invoice_id          text        NOT NULL REFERENCES invoices (id),
    method              text        NOT NULL DEFAULT 'MPESA_STK',
    status              text        NOT NULL,
    mpesa_receipt       text,
    amount_cents        bigint      NOT NULL,
    raw_request         json,
    raw_callback        json,
    idempotency_key     text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    payer_msisdn        text        NOT NULL,
    merchant_request_id text,
    checkout_request_id text,
    result_code         integer,
    result_desc         text,
    transaction_time    timestamptz,
    CONSTRAINT payments_method_ck CHECK (method IN ('MPESA_STK')),
    CONSTRAINT payments_status_ck CHECK (status IN ('INITIATED', 'SUCCESS', 'FAILED', 'EXPIRED')),
    CONSTRAINT payments_amount_ck CHECK (amount_cents > 0 AND amount_cents % 100 = 0),
    CONSTRAINT payments_payer_ck CHECK (payer_msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT payments_result_ck CHECK ((result_code IS NULL) = (result_desc IS NULL)),
    CONSTRAINT payments_final_has_result_ck CHECK (status = 'INITIATED' OR result_code IS NOT NULL),
    CONSTRAINT payments_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT payments_checkout_request_id_uq UNIQUE (checkout_request_id)
);

-- The one-in-flight rule: at most one INITIATED attempt per invoice, whatever the application does.
CREATE UNIQUE INDEX payments_one_in_flight_uq ON payments (invoice_id) WHERE status = 'INITIATED';
CREATE INDEX payments_invoice_idx ON payments (invoice_id, created_at);
-- The reconciler's work list: attempts still in flight, oldest first.
CREATE INDEX payments_initiated_created_idx ON payments (created_at, id) WHERE status = 'INITIATED';

-- ---------------------------------------------------------------------------------------------------
-- stk_callbacks: every payment result (Daraja callback or STK query), kept first and applied later.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE stk_callbacks (
    checkout_request_id text        PRIMARY KEY,
    merchant_request_id text,
    result_code         integer     NOT NULL,
    result_desc         text        NOT NULL,
    amount              numeric,
    mpesa_receipt       text,
    transaction_time    timestamptz,
    phone_msisdn        text,
    raw_body            jsonb,
    received_at         timestamptz NOT NULL,
    processed_at        timestamptz,
    CONSTRAINT stk_callbacks_amount_ck CHECK (amount IS NULL OR amount > 0)
);

-- Early callbacks still waiting for their payment, oldest first.
CREATE INDEX stk_callbacks_unprocessed_idx ON stk_callbacks (received_at, checkout_request_id)
    WHERE processed_at IS NULL;

-- ---------------------------------------------------------------------------------------------------
-- customers: the numbers a merchant invoiced (is_customer) and the last time any number wrote to us
-- (WhatsApp's 24-hour window). A number that only wrote is not a customer.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE customers (
    msisdn          text        PRIMARY KEY,
    name            text,
    name_key        text,
    is_customer     boolean     NOT NULL DEFAULT false,
    last_inbound_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_msisdn_ck CHECK (msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT customers_name_key_ck CHECK ((name IS NULL) = (name_key IS NULL)),
    CONSTRAINT customers_name_only_for_customers_ck CHECK (is_customer OR name IS NULL)
);

-- "invoice Mama Njeri 1200 …": the name folded to lower case with its spaces squashed.
CREATE INDEX customers_name_key_idx ON customers (name_key) WHERE is_customer;

-- ---------------------------------------------------------------------------------------------------
-- chat_sessions: one guided conversation per merchant number; the state is JSON written by the adapter.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE chat_sessions (
    merchant_msisdn text        PRIMARY KEY,
    state_kind      text        NOT NULL,
    state           jsonb       NOT NULL,
    last_input_at   timestamptz,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chat_sessions_kind_ck CHECK (state_kind IN ('IDLE', 'COLLECTING_PHONE', 'COLLECTING_NAME',
        'COLLECTING_AMOUNT', 'COLLECTING_DESCRIPTION', 'CONFIRMING', 'CHOOSING_EDIT')),
    CONSTRAINT chat_sessions_last_input_ck CHECK ((state_kind = 'IDLE') = (last_input_at IS NULL)),
    CONSTRAINT chat_sessions_state_object_ck CHECK (jsonb_typeof(state) = 'object'),
    CONSTRAINT chat_sessions_version_ck CHECK (version >= 1)
);

-- The nudge / close sweep: guided sessions idle the longest first.
CREATE INDEX chat_sessions_last_input_idx ON chat_sessions (last_input_at, merchant_msisdn)
    WHERE last_input_at IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- outbox: messages written in the same transaction as their cause and sent by the dispatcher.
-- A SENDING row's next_attempt_at is the end of its lease.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE outbox (
    id                  text        PRIMARY KEY,
    recipient_msisdn    text        NOT NULL,
    purpose             text        NOT NULL,
    invoice_id          text        REFERENCES invoices (id),
    channel             text        NOT NULL,
    content             jsonb       NOT NULL,
    status              text        NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    provider_message_id text,
    delivery_status     text,
    last_error          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_purpose_ck CHECK (purpose IN ('INVOICE', 'REMINDER', 'RECEIPT', 'PAYMENT_FAILED', 'REPLY',
        'MERCHANT_NOTICE')),
    CONSTRAINT outbox_channel_ck CHECK (channel IN ('WHATSAPP', 'SMS')),
    CONSTRAINT outbox_status_ck CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    CONSTRAINT outbox_delivery_status_ck CHECK (delivery_status IN ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    CONSTRAINT outbox_attempts_ck CHECK (attempts >= 0),
    CONSTRAINT outbox_recipient_ck CHECK (recipient_msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT outbox_content_object_ck CHECK (jsonb_typeof(content) = 'object')
);

-- The dispatcher's claim (status, due time): only the rows it can claim are indexed, in claim order.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, created_at, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outbox_status_due_idx ON outbox (status, next_attempt_at);
-- Delivery reports name the provider's message id.
CREATE INDEX outbox_provider_message_idx ON outbox (provider_message_id, channel)
    WHERE provider_message_id IS NOT NULL;
CREATE INDEX outbox_invoice_idx ON outbox (invoice_id) WHERE invoice_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- message_log: the audit trail. Metadata only: no message text, no phone number, no name, ever.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE message_log (
    id                  text        PRIMARY KEY,
    seq                 bigint      GENERATED ALWAYS AS IDENTITY,
    invoice_id          text        REFERENCES invoices (id),
    channel             text        NOT NULL,
    direction           text        NOT NULL,
    event               text        NOT NULL,
    provider_message_id text,
    error_code          text,
    created_at          timestamptz NOT NULL,
    CONSTRAINT message_log_channel_ck CHECK (channel IN ('WHATSAPP', 'SMS')),
    CONSTRAINT message_log_direction_ck CHECK (direction IN ('IN', 'OUT')),
    CONSTRAINT message_log_seq_uq UNIQUE (seq)
);

CREATE INDEX message_log_invoice_idx ON message_log (invoice_id, created_at, seq) WHERE invoice_id IS NOT NULL;
-- The retention purge deletes by age.
CREATE INDEX message_log_created_idx ON message_log (created_at);

-- ---------------------------------------------------------------------------------------------------
-- inbound_events: provider event ids already seen (providers deliver at least once).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE inbound_events (
    provider text        NOT NULL,
    event_id text        NOT NULL,
    seen_at  timestamptz NOT NULL,
    CONSTRAINT inbound_events_pk PRIMARY KEY (provider, event_id)
);

-- The retention purge deletes by age.
CREATE INDEX inbound_events_seen_idx ON inbound_events (seen_at);
