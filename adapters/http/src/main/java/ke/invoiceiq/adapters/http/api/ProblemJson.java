package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem, as {@code application/problem+json}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457). Branch on `type`; `detail` is for people.")
public record ProblemJson(
        @Schema(description = "Stable URI of the error kind.", examples = "https://invoiceiq.ke/problems/validation-error")
        String type,
        @Schema(examples = "The request is not valid")
        String title,
        @Schema(examples = "400")
        int status,
        @Schema(examples = "msisdn: Invalid phone. Please use format 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX,"
                + " 2541XXXXXXXX or +254XXXXXXXXX.")
        String detail,
        @Schema(description = "Every rejected input (validation errors only).")
        List<FieldViolation> errors,
        @JsonProperty("retry_at")
        @Schema(description = "When trying again can succeed (429 and 503 only); also sent as Retry-After.",
                examples = "2026-03-02T07:00:00Z")
        String retryAt) {
}
