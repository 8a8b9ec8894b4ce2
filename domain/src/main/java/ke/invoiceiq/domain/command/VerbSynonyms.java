package ke.invoiceiq.domain.command;

import java.util.Locale;
import java.util.Map;

/**
 * The Swahili words Kenyan merchants (and customers) use for the bot's English command words, read as those words:
 * {@code ankara 0712345678 2500 Usafi} is {@code invoice 0712345678 2500 Usafi}. One table for the one-line parser
 * and the guided flow's answers, so a word means the same thing everywhere. A word only ever maps to one English
 * word, and never to a word another part of the service gives its own meaning.
 */
public final class VerbSynonyms {

    private static final Map<String, String> SWAHILI = Map.ofEntries(
            // commands
            Map.entry("ankara", "invoice"),
            Map.entry("mpya", "new"),
            Map.entry("kumbusha", "remind"),
            Map.entry("ghairi", "cancel"),
            Map.entry("hali", "status"),
            Map.entry("lipa", "pay"),
            Map.entry("orodha", "list"),
            Map.entry("msaada", "help"),
            Map.entry("lugha", "lang"),
            // answers in the guided flow
            Map.entry("ruka", "skip"),
            Map.entry("tuma", "send"),
            Map.entry("ndiyo", "yes"),
            Map.entry("ndio", "yes"),
            Map.entry("badilisha", "edit"),
            Map.entry("kiasi", "amount"),
            Map.entry("maelezo", "description"),
            Map.entry("mteja", "customer"));

    private VerbSynonyms() {
    }

    /** The English word {@code word} stands for, in lower case: {@code Ankara} → {@code invoice}; else the word. */
    public static String canonical(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return SWAHILI.getOrDefault(lower, lower);
    }

    /** Every Swahili word and the English word it stands for. */
    public static Map<String, String> all() {
        return SWAHILI;
    }
}
