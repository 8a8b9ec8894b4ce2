package ke.invoiceiq.adapters.http.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One rejected input: the field (a JSON member, a query or path parameter, a header, or {@code body}), the rule
 * it broke (a stable word, see {@link Rule}) and what to send instead.
 */
@RegisterForReflection
@Schema(name = "FieldError", description = "One rejected input.")
public record FieldViolation(
        @Schema(description = "The JSON member, query or path parameter, header, or `body`.", examples = "msisdn")
        String field,
        @Schema(description = "The rule that was broken: required, type, format, min, max, whole_shillings, "
                + "min_length, max_length, one_of, exactly_one_of, unknown_field, duplicate_field, json_syntax.",
                examples = "format")
        String rule,
        @Schema(description = "What is expected, for people.", examples = "Invalid phone. Please use format"
                + " 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX.")
        String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The rules a field can break, as they appear in {@code errors[].rule}. */
    public static final class Rule {
        public static final String REQUIRED = "required";
        public static final String TYPE = "type";
        public static final String FORMAT = "format";
        public static final String MIN = "min";
        public static final String MAX = "max";
        public static final String WHOLE_SHILLINGS = "whole_shillings";
        public static final String MIN_LENGTH = "min_length";
        public static final String MAX_LENGTH = "max_length";
        public static final String ONE_OF = "one_of";
        public static final String EXACTLY_ONE_OF = "exactly_one_of";
        public static final String UNKNOWN_FIELD = "unknown_field";
        public static final String DUPLICATE_FIELD = "duplicate_field";
        public static final String JSON_SYNTAX = "json_syntax";

        private Rule() {
        }
    }
}
