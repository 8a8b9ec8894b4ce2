-- InvoiceIQ schema, version 5: how often the reconciler has queried an unanswered STK attempt.
--
-- queries counts the inconclusive STK queries made about the attempt, the last at last_queried_at; the wait before
-- the next query doubles with each one (capped), so unanswered attempts do not trip Daraja's spike arrest.
ALTER TABLE payments
    ADD COLUMN queries         int         NOT NULL DEFAULT 0,
    ADD COLUMN last_queried_at timestamptz,
    ADD CONSTRAINT payments_queries_ck
        CHECK (queries >= 0 AND (queries = 0) = (last_queried_at IS NULL));
