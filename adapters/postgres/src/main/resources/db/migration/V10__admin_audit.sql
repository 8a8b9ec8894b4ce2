-- The audit trail of admin actions taken through the merchant API (docs/api.md "Audit trail"): which key (a
-- 12-hex-digit fingerprint of it, never the key), what, on which id, how it ended, and when. No personal data: ids
-- only. Append-only, and kept like the business records it explains (docs/data-retention.md): the retention job
-- never purges it. The action is not constrained here: new actions need no migration.
CREATE TABLE admin_audit (
    id              text        PRIMARY KEY,
    at              timestamptz NOT NULL,
    key_fingerprint text        NOT NULL CONSTRAINT admin_audit_key_fingerprint_ck
                                CHECK (key_fingerprint ~ '^[0-9a-f]{12}$'),
    action          text        NOT NULL CONSTRAINT admin_audit_action_ck CHECK (action ~ '^[A-Z_]{1,64}$'),
    target          text        CONSTRAINT admin_audit_target_ck CHECK (target ~ '^[A-Za-z0-9_.:/+-]{1,100}$'),
    outcome         text        NOT NULL CONSTRAINT admin_audit_outcome_ck CHECK (length(outcome) BETWEEN 1 AND 100)
);

-- GET /admin/audit: newest first, paged by (at, id)
CREATE INDEX admin_audit_newest_idx ON admin_audit (at DESC, id DESC);

-- An invoice paid outside M-PESA Express (cash, a bank transfer), recorded by an operator through
-- POST /invoices/{id}/mark-paid: how, the amount that counted (the balance when it was recorded), the operator's
-- note, and when. All four or none.
ALTER TABLE invoices
    ADD COLUMN paid_outside_method text,
    ADD COLUMN paid_outside_cents  bigint,
    ADD COLUMN paid_outside_note   text,
    ADD COLUMN paid_outside_at     timestamptz,
    ADD CONSTRAINT invoices_paid_outside_ck CHECK (
        (paid_outside_method IS NULL AND paid_outside_cents IS NULL AND paid_outside_note IS NULL
            AND paid_outside_at IS NULL)
        OR (paid_outside_method IN ('CASH', 'BANK_TRANSFER', 'OTHER') AND paid_outside_cents > 0
            AND char_length(paid_outside_note) BETWEEN 3 AND 200 AND paid_outside_at IS NOT NULL));

-- An operator may give up a FAILED outbox message for good (POST /admin/outbox/{id}/abandon): ABANDONED, final, and
-- purged like the other finished messages (the partial index of the purge follows).
ALTER TABLE outbox DROP CONSTRAINT outbox_status_ck;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_ck
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'COALESCED', 'ABANDONED'));
DROP INDEX outbox_finished_idx;
CREATE INDEX outbox_finished_idx ON outbox (updated_at)
    WHERE status IN ('SENT', 'FAILED', 'COALESCED', 'ABANDONED');
