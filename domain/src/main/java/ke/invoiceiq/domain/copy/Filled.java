package ke.invoiceiq.domain.copy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A phrase in one language with its placeholders being filled. The text is made in one pass over the phrase, so a
 * value that itself looks like a placeholder (a description typed as "{id}") is kept as typed, never filled.
 */
public final class Filled {

    private final Phrase phrase;
    private final String template;
    private final Map<String, String> values;

    Filled(Phrase phrase, String template) {
        this(phrase, template, Map.of());
    }

    private Filled(Phrase phrase, String template, Map<String, String> values) {
        this.phrase = Objects.requireNonNull(phrase, "phrase");
        this.template = Objects.requireNonNull(template, "template");
        this.values = values;
    }

    /** {@code {name}} to be replaced by {@code value} everywhere it appears. */
    public Filled with(String name, Object value) {
        Objects.requireNonNull(value, name);
        if (!Phrase.placeholders(template).contains(name)) {
            throw new IllegalArgumentException(phrase.name() + " has no placeholder {" + name + "}");
        }
        var next = new LinkedHashMap<>(values);
        next.put(name, String.valueOf(value));
        return new Filled(phrase, template, next);
    }

    /** The finished text; refused while a placeholder has no value. */
    public String text() {
        Matcher m = Phrase.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(phrase.name() + " still needs {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
