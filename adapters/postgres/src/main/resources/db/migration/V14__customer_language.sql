-- Issue 17: the language a customer is written to in, chosen by the merchant (`lang 0712345678 sw`) or learned
-- from the customer's own Swahili. NULL: the configured default. A learned language never replaces a chosen one.
ALTER TABLE customers
    ADD COLUMN language TEXT CHECK (language IN ('en', 'sw')),
    ADD COLUMN language_chosen BOOLEAN NOT NULL DEFAULT false;
