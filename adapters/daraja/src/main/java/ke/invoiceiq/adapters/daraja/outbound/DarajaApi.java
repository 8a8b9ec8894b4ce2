package ke.invoiceiq.adapters.daraja.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Daraja's calls used here (docs/daraja.md). Answers are read as {@link JsonNode} because
 * Daraja is loose with types ({@code expires_in} and {@code ResultCode} arrive as strings or numbers). Built by
 * {@link DarajaClient} with the configured base URL; nothing else calls it.
 */
@RegisterRestClient(configKey = "daraja")
interface DarajaApi {

    ObjectMapper JSON = new ObjectMapper();

    @GET
    @Path("/oauth/v1/generate")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode token(@QueryParam("grant_type") String grantType, @HeaderParam("Authorization") String basic);

    @POST
    @Path("/mpesa/stkpush/v1/processrequest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode stkPush(@HeaderParam("Authorization") String bearer, Map<String, Object> body);

    @POST
    @Path("/mpesa/stkpushquery/v1/query")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode stkQuery(@HeaderParam("Authorization") String bearer, Map<String, Object> body);

    /** C2B register URL, version 2: where M-PESA sends a short code's validation and confirmation requests. */
    @POST
    @Path("/mpesa/c2b/v2/registerurl")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode c2bRegisterUrl(@HeaderParam("Authorization") String bearer, Map<String, Object> body);

    /** Every answer of 400 or more: the status and Daraja's error envelope ({@code errorCode}, {@code errorMessage}). */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        Optional<String> code = Optional.empty();
        Optional<String> message = Optional.empty();
        try {
            String body = response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                JsonNode envelope = JSON.readTree(body);
                code = text(envelope, "errorCode");
                message = text(envelope, "errorMessage");
            }
        } catch (Exception notAnEnvelope) {
            // an HTML page from a proxy, or nothing: the status decides
        }
        return new DarajaHttpError(response.getStatus(), code, message);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The raw error answer, classified by {@link DarajaErrors}. */
    final class DarajaHttpError extends RuntimeException {
        final int status;
        final Optional<String> code;
        final Optional<String> message;

        DarajaHttpError(int status, Optional<String> code, Optional<String> message) {
            super("Daraja answered " + status + " " + code.orElse("-"), null, false, false);
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }
}
