package ke.invoiceiq.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the Prometheus text format: every sample line, parsed. */
public record Scrape(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static Scrape of(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new Scrape(samples);
    }

    /** The one sample named so whose labels include {@code labels} (pairs of name, value). */
    public double value(String name, String... labels) {
        List<Sample> found = find(name, labels);
        assertThat(found).as("one sample %s %s", name, List.of(labels)).hasSize(1);
        return found.getFirst().value();
    }

    public boolean has(String name, String... labels) {
        return !find(name, labels).isEmpty();
    }

    public double minus(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    public List<String> names() {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    public List<String> labelValues() {
        return samples.stream().flatMap(s -> s.labels().values().stream()).distinct().toList();
    }

    private List<Sample> find(String name, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }
}
