package ke.invoiceiq.domain.copy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message the service says, in English and Swahili. Placeholders are named in braces ({@code {id}},
 * {@code {amount}}) and filled with {@link #in(Language)}; both languages carry the same ones. Implemented by enums,
 * one per group of messages, each listed in {@link PhraseBook}.
 */
public interface Phrase {

    Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    String en();

    String sw();

    /** The enum constant's name, for messages about the phrase itself. */
    String name();

    default String text(Language language) {
        return switch (language) {
            case EN -> en();
            case SW -> sw();
        };
    }

    /** The phrase in {@code language}, to fill: {@code PAID.in(SW).with("id", id).text()}. */
    default Filled in(Language language) {
        return new Filled(this, text(language));
    }

    /** The placeholders of {@code text}, in order of first appearance. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
