-- Issue 17, due dates and reminders that run themselves.

-- A number that replied STOP (or ACHA) gets no automatic reminders. Kept apart from customers (whose rows the
-- retention purge may forget for numbers that only wrote) and never purged: the wish must outlive the contact.
CREATE TABLE reminder_opt_outs (
    msisdn     text        PRIMARY KEY,
    stopped_at timestamptz NOT NULL,
    CONSTRAINT reminder_opt_outs_msisdn_ck CHECK (msisdn ~ '^254[17][0-9]{8}$')
);

-- The reminder job and the overdue numbers read open invoices by due date.
CREATE INDEX invoices_open_due_idx ON invoices (due_date, id)
    WHERE due_date IS NOT NULL AND status IN ('PENDING', 'SENT', 'FAILED');

-- The guided flow's optional due-date step.
ALTER TABLE chat_sessions DROP CONSTRAINT chat_sessions_kind_ck;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_kind_ck CHECK (state_kind IN ('IDLE', 'COLLECTING_PHONE',
    'COLLECTING_NAME', 'COLLECTING_AMOUNT', 'COLLECTING_DESCRIPTION', 'COLLECTING_DUE_DATE', 'CONFIRMING',
    'CHOOSING_EDIT'));
