package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads request bodies and writes answers, with the API's own mapper, so no global Jackson setting and no
 * framework exception mapper is involved. Request bodies are read as a tree and checked member by member:
 * malformed JSON, a duplicate or unknown member, or a member of the wrong JSON type each become a 400 that names
 * the member and the rule, never a 500.
 */
final class ApiJson {

    /** Far above any real request (a create is under 1 KB); bounds what is parsed. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ApiJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /** A value this API wrote itself with {@link #write}; empty when {@code json} is not one. */
    static <T> Optional<T> readOwn(String json, Class<T> type) {
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The body as a JSON object whose members are all in {@code allowed}.
     *
     * @throws ApiProblemException 415 for a non-JSON content type, 413 for an oversized body, 400 for an empty or
     *                             malformed body, one that is not an object, or has unknown or duplicate members
     */
    static ObjectNode object(String contentType, byte[] body, Set<String> allowed) {
        requireJson(contentType);
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > MAX_BODY_BYTES) {
            throw new ApiProblemException(Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is " + raw.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted."));
        }
        if (isBlank(raw)) {
            throw problem(new FieldViolation("body", FieldViolation.Rule.REQUIRED,
                    "A JSON object is required, e.g. " + allowedList(allowed) + "."));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(raw);
        } catch (StreamConstraintsException e) {
            throw new ApiProblemException(Problems.fieldProblem(ProblemType.MALFORMED_JSON, List.of(
                    new FieldViolation("body", FieldViolation.Rule.JSON_SYNTAX, "The JSON is nested or sized beyond "
                            + "what this API reads."))));
        } catch (JsonProcessingException e) {
            String reason = Optional.ofNullable(e.getOriginalMessage()).orElse("");
            if (reason.startsWith("Duplicate field '")) {
                throw problem(new FieldViolation(memberAt(e), FieldViolation.Rule.DUPLICATE_FIELD,
                        "The field is given twice; give it once."));
            }
            throw new ApiProblemException(Problems.fieldProblem(ProblemType.MALFORMED_JSON,
                    List.of(new FieldViolation(memberAt(e), FieldViolation.Rule.JSON_SYNTAX, syntaxMessage(e)))));
        } catch (IOException e) {
            throw new ApiProblemException(Problems.fieldProblem(ProblemType.MALFORMED_JSON, List.of(
                    new FieldViolation("body", FieldViolation.Rule.JSON_SYNTAX, "The body could not be read as JSON."))));
        }
        if (tree == null || tree.isMissingNode()) {
            throw problem(new FieldViolation("body", FieldViolation.Rule.REQUIRED, "A JSON object is required."));
        }
        if (!tree.isObject()) {
            throw problem(new FieldViolation("body", FieldViolation.Rule.TYPE,
                    "The body must be a JSON object, not " + Members.describe(tree) + "."));
        }
        ObjectNode object = (ObjectNode) tree;
        var unknown = new ArrayList<FieldViolation>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(new FieldViolation(Members.shown(name), FieldViolation.Rule.UNKNOWN_FIELD,
                        "Unknown field. Allowed: " + String.join(", ", allowed) + "."));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblemException(Problems.validation(unknown));
        }
        return object;
    }

    /** No Content-Type is read as JSON; any other type than {@code application/json} or {@code +json} is a 415. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType.strip());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !"application".equalsIgnoreCase(type.getType())
                || !("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
            throw new ApiProblemException(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as JSON with 'Content-Type: application/json'."));
        }
    }

    private static ApiProblemException problem(FieldViolation violation) {
        return new ApiProblemException(Problems.validation(violation));
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String allowedList(Set<String> allowed) {
        return "{" + String.join(", ", allowed.stream().map(n -> "\"" + n + "\": …").toList()) + "}";
    }

    /** The member being read when the syntax broke, or {@code body} when it broke outside any member. */
    private static String memberAt(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            var context = parser.getParsingContext();
            while (context != null) {
                String name = context.getCurrentName();
                if (name != null) {
                    return Members.shown(name);
                }
                context = context.getParent();
            }
        }
        return "body";
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String reason = Optional.ofNullable(e.getOriginalMessage()).orElse("invalid JSON");
        int cut = reason.indexOf('\n');
        reason = cut >= 0 ? reason.substring(0, cut) : reason;
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        var location = e.getLocation();
        return location == null
                ? "Malformed JSON: " + reason
                : "Malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                        + reason;
    }
}
