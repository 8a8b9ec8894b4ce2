package ke.invoiceiq.domain.copy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, conservatively, whether a customer wrote in Swahili, so the service can answer them in it from then on.
 * Pure: it reads the message's words against two short lists of everyday words and says Swahili only when it found
 * at least one Swahili word and more Swahili words than English ones. It never says English: a customer who
 * writes "PAY INV-7K3Q9X" has not told us they prefer English, so an earlier choice is left alone.
 */
public final class SwahiliDetector {

    /** Words Kenyans write in Swahili chat and SMS, and that are not English words. */
    static final Set<String> SWAHILI = Set.of(
            "habari", "hujambo", "sijambo", "mambo", "niaje", "asante", "asanteni", "ahsante", "shukrani",
            "sawa", "ndiyo", "ndio", "hapana", "tafadhali", "samahani", "karibu", "lipa", "nimelipa", "nitalipa",
            "sijalipa", "tumelipa", "malipo", "pesa", "ankara", "bei", "kiasi", "bado", "kesho", "jana",
            "nimepokea", "nimetuma", "tuma", "nataka", "sitaki", "naomba", "msaada", "gani", "nini", "wapi",
            "lini", "yako", "yangu", "mimi", "wewe", "sana", "kwa", "na", "sasa", "hii", "hiyo",
            "hakuna", "kuna", "simu", "namba", "risiti", "deni", "mteja");

    /** Common English words, so a mostly English message with a Swahili greeting stays unread. */
    static final Set<String> ENGLISH = Set.of(
            "the", "a", "an", "i", "you", "is", "are", "was", "to", "of", "and", "in", "for", "it", "my", "your",
            "please", "thanks", "thank", "hello", "hi", "paid", "pay", "will", "have", "has", "not", "yes", "no",
            "ok", "okay", "what", "when", "how", "can", "send", "invoice", "receipt", "money", "today", "tomorrow");

    /**
     * Words that tell Swahili on their own even among English ones, but only where the message has few words:
     * "lipa" could be a surname in a long English sentence.
     */
    private static final Set<String> STRONG = Set.of(
            "habari", "asante", "ahsante", "tafadhali", "nimelipa", "nitalipa", "sijalipa", "samahani", "hujambo");

    private SwahiliDetector() {
    }

    /** {@link Language#SW} when {@code text} reads as Swahili; empty when it does not or cannot be told. */
    public static Optional<Language> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int swahili = 0;
        int english = 0;
        boolean strong = false;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (SWAHILI.contains(word)) {
                swahili++;
                strong |= STRONG.contains(word);
            } else if (ENGLISH.contains(word)) {
                english++;
            }
        }
        boolean reads = swahili > english || (strong && swahili == english);
        return swahili > 0 && reads ? Optional.of(Language.SW) : Optional.empty();
    }
}
