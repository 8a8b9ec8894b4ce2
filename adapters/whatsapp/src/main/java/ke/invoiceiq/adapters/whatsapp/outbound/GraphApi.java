package ke.invoiceiq.adapters.whatsapp.outbound;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code POST {base}/{version}/{phone-number-id}/messages} with {@code Authorization: Bearer <token>}
 * (docs/whatsapp.md). Built by {@link GraphSender} with the configured base URL; nothing else calls it.
 */
@RegisterRestClient(configKey = "whatsapp-graph")
@Path("/{version}/{phoneId}/messages")
interface GraphApi {

    ObjectMapper ERRORS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    GraphReplies.Sent send(@PathParam("version") String version, @PathParam("phoneId") String phoneId,
            @HeaderParam("Authorization") String authorization, GraphMessage message);

    /** Every answer of 400 or more: the status and what the Graph error envelope says, nothing else. */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        Optional<GraphReplies.Error> error = Optional.empty();
        try {
            String body = response.readEntity(String.class);
            if (body != null && !body.isBlank()) {
                GraphReplies.ErrorEnvelope envelope = ERRORS.readValue(body, GraphReplies.ErrorEnvelope.class);
                error = Optional.ofNullable(envelope.error());
            }
        } catch (Exception notAnEnvelope) {
            // an HTML error page from a proxy, or nothing at all: the status decides
        }
        return new GraphHttpError(response.getStatus(), error.map(GraphReplies.Error::code),
                error.map(GraphReplies.Error::isTransient));
    }

    /** The raw answer, classified by {@link GraphErrors} inside {@link GraphSender}. */
    final class GraphHttpError extends RuntimeException {
        final int status;
        final Optional<Integer> code;
        final Optional<Boolean> isTransient;

        GraphHttpError(int status, Optional<Integer> code, Optional<Boolean> isTransient) {
            super("Graph API answered " + status + " code " + code.map(String::valueOf).orElse("-"), null, false,
                    false);
            this.status = status;
            this.code = code;
            this.isTransient = isTransient;
        }
    }
}
