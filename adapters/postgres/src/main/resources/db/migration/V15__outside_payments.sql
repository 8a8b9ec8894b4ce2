-- Money paid outside M-PESA Express (cash, a bank transfer, other means), one row per recording: the merchant's
-- `paid INV-… cash` in chat or POST /invoices/{id}/mark-paid, with or without an amount. An invoice may have several
-- (part payments); each keeps its method, the amount it added, the note and the time. Rows are written only with a
-- new version of their invoice and never change: seq is 1, 2, 3… per invoice, in the order they were recorded.
-- An invoice is PAID exactly when its successful payments and these rows together reach its amount (the domain
-- holds that rule; the rows never add up to more than the amount, as a recording beyond the balance is refused).
CREATE TABLE outside_payments (
    invoice_id   text        NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    seq          integer     NOT NULL CHECK (seq > 0),
    method       text        NOT NULL CHECK (method IN ('CASH', 'BANK_TRANSFER', 'OTHER')),
    amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
    note         text        NOT NULL CHECK (char_length(note) BETWEEN 3 AND 200),
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (invoice_id, seq)
);

-- payments.csv reads the money received in a range by when it was received
CREATE INDEX outside_payments_recorded_at_idx ON outside_payments (recorded_at);

-- V10 kept one recording on the invoice row: it becomes the invoice's first
INSERT INTO outside_payments (invoice_id, seq, method, amount_cents, note, recorded_at)
SELECT id, 1, paid_outside_method, paid_outside_cents, paid_outside_note, paid_outside_at
  FROM invoices
 WHERE paid_outside_method IS NOT NULL;

ALTER TABLE invoices
    DROP CONSTRAINT invoices_paid_outside_ck,
    DROP COLUMN paid_outside_method,
    DROP COLUMN paid_outside_cents,
    DROP COLUMN paid_outside_note,
    DROP COLUMN paid_outside_at;
