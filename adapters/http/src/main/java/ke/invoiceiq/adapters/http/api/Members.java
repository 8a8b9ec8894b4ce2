package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the members of a request object, collecting every violation instead of stopping at the first, so one
 * answer lists everything to fix. A JSON {@code null} counts as absent.
 */
final class Members {

    private static final int MAX_SHOWN = 64;

    private final ObjectNode object;
    private final List<FieldViolation> errors = new ArrayList<>();

    Members(ObjectNode object) {
        this.object = object;
    }

    boolean has(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    Optional<JsonNode> node(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** A string member; a violation ({@code required} or {@code type}) and empty otherwise. */
    Optional<String> requiredText(String name, String example) {
        Optional<JsonNode> node = node(name);
        if (node.isEmpty()) {
            reject(name, FieldViolation.Rule.REQUIRED, "Required: a string, e.g. " + example + ".");
            return Optional.empty();
        }
        return text(name, node.get(), example);
    }

    /** An optional string member: empty when absent or null; a {@code type} violation when not a string. */
    Optional<String> optionalText(String name, String example) {
        return node(name).flatMap(node -> text(name, node, example));
    }

    void reject(String field, String rule, String message) {
        errors.add(new FieldViolation(field, rule, message));
    }

    void wrongType(String field, JsonNode node, String expected) {
        reject(field, FieldViolation.Rule.TYPE, "Must be " + expected + ", not " + describe(node) + ".");
    }

    List<FieldViolation> errors() {
        return List.copyOf(errors);
    }

    /** @throws ApiProblemException a 400 listing every violation found, if any */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiProblemException(Problems.validation(errors()));
        }
    }

    private Optional<String> text(String name, JsonNode node, String example) {
        if (!node.isTextual()) {
            wrongType(name, node, "a string, e.g. " + example);
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    /** The JSON type of a value, for messages ("a number", "an array", …); never the value itself. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "null" : "an unsupported value";
    }

    /** A member name as the client sent it, cut short and without control characters, to echo in an error. */
    static String shown(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
    }
}
