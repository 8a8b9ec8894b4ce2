/**
 * Every word the service says to a person, in English and Swahili side by side: one entry per message, grouped
 * in enums by who reads it ({@link ke.invoiceiq.domain.copy.Phrase}). {@link ke.invoiceiq.domain.copy.PhraseBook}
 * lists every group, so one test can hold each entry to the rules: a Swahili text, the same placeholders in both
 * languages (so the invoice number and amount are never lost in translation).
 */
package ke.invoiceiq.domain.copy;
