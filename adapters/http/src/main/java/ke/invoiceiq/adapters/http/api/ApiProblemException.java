package ke.invoiceiq.adapters.http.api;

import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * A problem answer found deep in reading a request (a bad body, a bad parameter): thrown by the API's own
 * helpers and turned back into its response by {@link ApiExceptionMappers}. Nothing outside this package throws
 * it, so mapping it cannot change any other resource's answers.
 */
public final class ApiProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;

    public ApiProblemException(Response response) {
        super(null, null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    public Response response() {
        return response;
    }
}
