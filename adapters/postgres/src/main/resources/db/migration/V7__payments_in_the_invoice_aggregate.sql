-- InvoiceIQ schema, version 7: an invoice and its payment attempts are one aggregate.
--
-- The invoice row and its payments rows are now read and written together, under the invoice's version: what an
-- invoice has been paid is the sum of what its successful attempts received, and it is PAID exactly when that
-- reaches its amount. Money is never refused any more: a part payment leaves the invoice open for the balance,
-- money for a cancelled or paid invoice is kept as an excess to refund, and money that matches no attempt waits in
-- unmatched_payments for an operator. M-PESA may send several results for one prompt (a 1037, then a 0), so the
-- callback inbox keeps each different result, with its body exactly as received. A repeated REST request with an
-- Idempotency-Key gets its first answer again from idempotency_answers.

-- ---------------------------------------------------------------------------------------------------
-- payments: what each successful attempt received, and the reconciler's lease.
-- ---------------------------------------------------------------------------------------------------
-- received_cents is what M-PESA reported it moved (or the amount asked, when only a query said it succeeded); it can
-- differ from amount_cents, which is what the push asked for.
ALTER TABLE payments
    ADD COLUMN received_cents        bigint,
    ADD COLUMN reconcile_lease_until timestamptz;

-- The old code stored no received amount: a success took the amount of its callback when one is still kept, else
-- the amount it asked for (a callback of that amount, or a query, which tells no amount, settled it).
UPDATE payments p
   SET received_cents = coalesce(
           (SELECT nullif(round(c.amount * 100), 0)::bigint
              FROM stk_callbacks c
             WHERE c.checkout_request_id = p.checkout_request_id AND c.result_code = 0 AND c.amount IS NOT NULL),
           p.amount_cents)
 WHERE p.status = 'SUCCESS';

ALTER TABLE payments
    ADD CONSTRAINT payments_received_ck
        CHECK ((status = 'SUCCESS') = (received_cents IS NOT NULL) AND (received_cents IS NULL OR received_cents > 0));

-- One receipt is one movement of money: counted once, across all invoices.
CREATE UNIQUE INDEX payments_mpesa_receipt_uq ON payments (mpesa_receipt) WHERE mpesa_receipt IS NOT NULL;

-- The reconciler's claim: attempts in flight, looked at least recently first. Replaces V1's list by creation time.
DROP INDEX payments_initiated_created_idx;
CREATE INDEX payments_in_flight_idx ON payments (coalesce(last_queried_at, created_at), id) WHERE status = 'INITIATED';

-- Money whose CheckoutRequestID names no attempt is matched to an attempt Daraja never named: same payer, about the
-- same time.
CREATE INDEX payments_unnamed_idx ON payments (payer_msisdn, created_at) WHERE checkout_request_id IS NULL;

-- A callback whose CheckoutRequestID is unknown may still name the push by its MerchantRequestID.
CREATE INDEX payments_merchant_request_idx ON payments (merchant_request_id) WHERE merchant_request_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------
-- invoices: what it has been paid, and the request that created it.
-- ---------------------------------------------------------------------------------------------------
-- amount_paid_cents is the sum of received_cents of the invoice's successful attempts, written with every change of
-- the invoice (the application never reads it: it adds up the attempts itself); it is here for reports and support.
-- creation_key is the Idempotency-Key of the REST request that created the invoice, if it carried one.
ALTER TABLE invoices
    ADD COLUMN amount_paid_cents bigint NOT NULL DEFAULT 0,
    ADD COLUMN creation_key      text;

CREATE UNIQUE INDEX invoices_creation_key_uq ON invoices (creation_key) WHERE creation_key IS NOT NULL;

UPDATE invoices i
   SET amount_paid_cents = s.paid
  FROM (SELECT invoice_id, sum(received_cents) AS paid FROM payments WHERE status = 'SUCCESS' GROUP BY invoice_id) s
 WHERE s.invoice_id = i.id;

ALTER TABLE invoices ADD CONSTRAINT invoices_amount_paid_ck CHECK (amount_paid_cents >= 0);

-- An invoice is now PAID exactly when it has been paid its amount. The old code marked an invoice PAID only when a
-- callback reported exactly its amount: a different amount was stored as a SUCCESS payment and left the invoice
-- open (or cancelled). The rows this changes are only those: an open or cancelled invoice that was paid its amount
-- or more becomes PAID, paid when its latest successful payment was recorded, with that payment's receipt. Every
-- other invoice is left as it was. The version moves, so a copy read before the migration cannot be written back.
UPDATE invoices i
   SET status        = 'PAID',
       paid_at       = coalesce(i.paid_at, latest.updated_at),
       mpesa_receipt = coalesce(latest.mpesa_receipt, i.mpesa_receipt),
       version       = i.version + 1,
       updated_at    = now()
  FROM (SELECT DISTINCT ON (invoice_id) invoice_id, updated_at, mpesa_receipt
          FROM payments
         WHERE status = 'SUCCESS'
         ORDER BY invoice_id, updated_at DESC, id DESC) latest
 WHERE latest.invoice_id = i.id
   AND i.status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')
   AND i.amount_paid_cents >= i.amount_cents;

-- ---------------------------------------------------------------------------------------------------
-- stk_callbacks: several results per CheckoutRequestID, each under an id of its own.
-- ---------------------------------------------------------------------------------------------------
ALTER TABLE stk_callbacks DROP CONSTRAINT stk_callbacks_pkey;
ALTER TABLE stk_callbacks ALTER COLUMN checkout_request_id SET NOT NULL;
ALTER TABLE stk_callbacks ADD COLUMN id bigserial PRIMARY KEY;

-- The same result told twice (the same CheckoutRequestID, result code and receipt) is kept once.
CREATE UNIQUE INDEX stk_callbacks_result_uq
    ON stk_callbacks (checkout_request_id, result_code, coalesce(mpesa_receipt, ''));

-- The body exactly as it was received, byte for byte in its text: jsonb would reorder keys and drop whitespace, and a
-- body that is not JSON at all could not be kept.
ALTER TABLE stk_callbacks ALTER COLUMN raw_body TYPE text USING raw_body::text;

-- The end of a sweeper's lease: a result that failed to apply is tried again after it, behind the ones never tried.
ALTER TABLE stk_callbacks ADD COLUMN lease_until timestamptz;

DROP INDEX stk_callbacks_unprocessed_idx;
CREATE INDEX stk_callbacks_unprocessed_idx ON stk_callbacks (coalesce(lease_until, received_at), id)
    WHERE processed_at IS NULL;

-- ---------------------------------------------------------------------------------------------------
-- unmatched_payments: money M-PESA reported that matches no attempt; OPEN until applied to an invoice.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE unmatched_payments (
    id                  text        PRIMARY KEY,
    checkout_request_id text        NOT NULL,
    merchant_request_id text,
    mpesa_receipt       text,
    amount_cents        bigint,
    payer_msisdn        text,
    transaction_time    timestamptz,
    received_at         timestamptz NOT NULL,
    status              text        NOT NULL,
    applied_invoice_id  text        REFERENCES invoices (id),
    resolved_at         timestamptz,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unmatched_payments_status_ck CHECK (status IN ('OPEN', 'APPLIED')),
    CONSTRAINT unmatched_payments_amount_ck CHECK (amount_cents > 0),
    CONSTRAINT unmatched_payments_payer_ck CHECK (payer_msisdn ~ '^254[17][0-9]{8}$'),
    CONSTRAINT unmatched_payments_version_ck CHECK (version >= 0),
    -- an applied payment names its invoice and when; an open one neither
    CONSTRAINT unmatched_payments_applied_ck CHECK ((status = 'APPLIED') = (applied_invoice_id IS NOT NULL)),
    CONSTRAINT unmatched_payments_resolved_ck CHECK ((applied_invoice_id IS NULL) = (resolved_at IS NULL))
);

-- The same money reported twice is raised once.
CREATE UNIQUE INDEX unmatched_payments_money_uq
    ON unmatched_payments (checkout_request_id, coalesce(mpesa_receipt, ''));

-- What the merchant and the REST API list and count: the open ones, newest first.
CREATE INDEX unmatched_payments_open_idx ON unmatched_payments (received_at DESC, id DESC) WHERE status = 'OPEN';

-- ---------------------------------------------------------------------------------------------------
-- idempotency_answers: the first answer to each REST request that carried an Idempotency-Key.
-- ---------------------------------------------------------------------------------------------------
-- A key is bound to the fingerprint of its first request when it is claimed; the answer (an opaque status and
-- body) is written when that request ends. A claim never answered belongs to a request that died.
CREATE TABLE idempotency_answers (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    status       integer,
    body         text,
    claimed_at   timestamptz NOT NULL,
    completed_at timestamptz,
    PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_answers_completed_ck
        CHECK ((status IS NULL) = (completed_at IS NULL) AND (body IS NULL) = (completed_at IS NULL))
);

-- The retention purge's cutoff.
CREATE INDEX idempotency_answers_claimed_idx ON idempotency_answers (claimed_at);
