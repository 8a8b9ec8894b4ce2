package ke.invoiceiq.adapters.africastalking.outbound;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST {base}/version1/messaging}, form-encoded, with {@code apiKey} and {@code Accept: application/json}
 * (docs/sms.md): the classic endpoint, the one AT's sandbox serves. The answer is read as text, with its
 * status, because AT answers 201 for refusals too and the body decides ({@link SendAnswers}). Built by
 * {@link AtSmsClient} with the configured base URL; nothing else calls it.
 */
@RegisterRestClient(configKey = "africastalking-sms")
interface AtSmsApi {

    @POST
    @Path("/version1/messaging")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<String> send(@HeaderParam("apiKey") String apiKey, MultivaluedMap<String, String> form);

    /**
     * Every answer of 400 or more: the status and {@code Retry-After} only. The body is not kept (the 401 is plain
     * text, and AT's wording decides nothing here).
     */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return new AtHttpError(response.getStatus(), retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
    }

    /** {@code Retry-After} in seconds; the HTTP-date form and anything odd are ignored. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The raw error answer, classified by {@link AtFailure#of} inside {@link AtSmsClient}. */
    final class AtHttpError extends RuntimeException {
        final int status;
        final Optional<Duration> retryAfter;

        AtHttpError(int status, Optional<Duration> retryAfter) {
            super("Africa's Talking answered " + status, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }
}
