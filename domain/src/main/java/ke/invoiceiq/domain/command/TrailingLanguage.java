package ke.invoiceiq.domain.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;

/**
 * The language tag a merchant may end a one-line invoice with: {@code invoice 0712345678 2500 Cleaning sw}. Only a
 * last word that is exactly {@code sw} or {@code en} (any case) is a tag, and only when words are left before it;
 * it is taken off before anything else reads the line, so what comes before it (the description, a due clause)
 * is read as if the tag were not there.
 *
 * @param rest     the words before the tag (all the words when there is none)
 * @param language the language the tag names, if the line has one
 */
public record TrailingLanguage(List<String> rest, Optional<Language> language) {

    public TrailingLanguage {
        rest = List.copyOf(rest);
        Objects.requireNonNull(language, "language");
    }

    public static TrailingLanguage of(List<String> words) {
        if (words.size() >= 2) {
            String last = words.getLast().toLowerCase(Locale.ROOT);
            if (last.equals("sw") || last.equals("en")) {
                return new TrailingLanguage(words.subList(0, words.size() - 1), Language.fromTag(last));
            }
        }
        return new TrailingLanguage(words, Optional.empty());
    }
}
