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
