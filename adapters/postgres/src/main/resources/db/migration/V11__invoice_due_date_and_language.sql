-- Issue 17: an invoice may be due on a day (a date in Kenya, no time), and is written to its customer in one
-- language. Invoices before this were written in English with no due date.
ALTER TABLE invoices
    ADD COLUMN due_date DATE,
    ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sw'));
