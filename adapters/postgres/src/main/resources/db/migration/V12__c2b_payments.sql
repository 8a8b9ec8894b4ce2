-- Payments outside the STK prompt: money paid to the merchant's Paybill or Till from the M-PESA menu (Daraja C2B,
-- docs/daraja.md).
--
-- c2b_payments: every confirmation, kept before Safaricom is answered and applied from here once. The M-PESA
-- transaction id (TransID, the receipt) is the key, so the same confirmation told twice, to any instance, is kept
-- once. Least data: no payer number (Safaricom masks it anyway), no names, no raw body; the account number is what
-- the customer typed, kept to match it to an invoice.
CREATE TABLE c2b_payments (
    trans_id         text        PRIMARY KEY,
    kind             text        NOT NULL,
    amount_cents     bigint      NOT NULL,
    transaction_time timestamptz NOT NULL,
    short_code       text        NOT NULL,
    account          text,
    received_at      timestamptz NOT NULL,
    processed_at     timestamptz,
    lease_until      timestamptz,
    CONSTRAINT c2b_payments_kind_ck CHECK (kind IN ('PAYBILL', 'TILL')),
    CONSTRAINT c2b_payments_amount_ck CHECK (amount_cents > 0),
    CONSTRAINT c2b_payments_short_code_ck CHECK (short_code ~ '^[0-9]{5,7}$'),
    CONSTRAINT c2b_payments_account_ck CHECK (account IS NULL OR length(account) BETWEEN 1 AND 20)
);

-- The sweep takes those not applied yet, in turn (arrival, then the end of the last lease).
CREATE INDEX c2b_payments_unprocessed_idx ON c2b_payments (coalesce(lease_until, received_at), trans_id)
    WHERE processed_at IS NULL;

-- An unmatched payment may now be C2B money: no CheckoutRequestID, known by its receipt (TransID) alone.
ALTER TABLE unmatched_payments ALTER COLUMN checkout_request_id DROP NOT NULL;
ALTER TABLE unmatched_payments ADD CONSTRAINT unmatched_payments_named_ck
    CHECK (checkout_request_id IS NOT NULL OR mpesa_receipt IS NOT NULL);

-- The same C2B money is raised once (NULLs are distinct in unmatched_payments_money_uq, so it needs its own index).
CREATE UNIQUE INDEX unmatched_payments_c2b_uq ON unmatched_payments (mpesa_receipt) WHERE checkout_request_id IS NULL;
