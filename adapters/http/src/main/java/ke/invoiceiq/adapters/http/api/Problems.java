package ke.invoiceiq.adapters.http.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the API's {@code application/problem+json} answers. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(ProblemType type, String detail) {
        return build(type, new ProblemJson(type.uri(), type.title(), type.status(), detail, null, null)).build();
    }

    /** A 400 {@code validation-error} listing every rejected input; the detail repeats them in one line. */
    public static Response validation(List<FieldViolation> errors) {
        return fieldProblem(ProblemType.VALIDATION, errors);
    }

    public static Response validation(FieldViolation error) {
        return validation(List.of(error));
    }

    public static Response fieldProblem(ProblemType type, List<FieldViolation> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" "));
        return build(type, new ProblemJson(type.uri(), type.title(), type.status(), detail, List.copyOf(errors), null))
                .build();
    }

    /** A problem that passes once {@code retryAt} has come: {@code Retry-After} in whole seconds, at least 1. */
    public static Response retryLater(ProblemType type, String detail, Instant now, Instant retryAt) {
        long seconds = Math.max(1, ceilSeconds(Duration.between(now, retryAt)));
        return build(type, new ProblemJson(type.uri(), type.title(), type.status(), detail, null, retryAt.toString()))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    public static Response unauthorized(String challenge, String detail) {
        return build(ProblemType.UNAUTHORIZED, new ProblemJson(ProblemType.UNAUTHORIZED.uri(),
                ProblemType.UNAUTHORIZED.title(), 401, detail, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    static Response.ResponseBuilder build(ProblemType type, ProblemJson body) {
        return Response.status(type.status()).type(MEDIA_TYPE).entity(ApiJson.write(body));
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
