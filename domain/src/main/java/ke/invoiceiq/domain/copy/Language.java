package ke.invoiceiq.domain.copy;

import java.util.Locale;
import java.util.Optional;

/** A language the service writes in. The tags are stored: never rename one. */
public enum Language {
    EN("en"),
    SW("sw");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as stored and as configured ({@code en}, {@code sw}). */
    public String tag() {
        return tag;
    }

    /** The language a tag names ({@code sw}, {@code SW}, {@code sw-KE}); empty for any other. */
    public static Optional<Language> fromTag(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String primary = raw.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
