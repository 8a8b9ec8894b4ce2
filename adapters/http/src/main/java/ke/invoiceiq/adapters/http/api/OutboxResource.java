package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageUseCase;
import ke.invoiceiq.application.messaging.OperatorOutboxOutcome;
import ke.invoiceiq.application.messaging.RetryOutboxMessageUseCase;
import ke.invoiceiq.domain.audit.AdminAction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /admin/outbox/{id}/retry} and {@code /abandon}: an operator's decision on a message the dispatcher gave up
 * on (FAILED). Each is one use case; this class reads the id and turns the outcome into a status.
 */
@Path("/admin/outbox")
@AdminApi
@Tag(name = "Admin")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
@APIResponse(responseCode = "400", description = "The id is not an outbox message id.",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(responseCode = "404", description = "No such outbox message (or it was purged).",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "outbox-message-not-found", value = ApiDocs.OUTBOX_NOT_FOUND)))
@APIResponse(responseCode = "409", description = "The message is not FAILED (still queued, sent, or abandoned).",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "outbox-message-not-failed", value = ApiDocs.OUTBOX_NOT_FAILED)))
public class OutboxResource {

    /** Our ids: a UUID in production; letters, digits, {@code -} and {@code _}, at most 64. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = Logger.getLogger(OutboxResource.class);

    private final RetryOutboxMessageUseCase retry;
    private final AbandonOutboxMessageUseCase abandon;

    @Inject
    public OutboxResource(RetryOutboxMessageUseCase retry, AbandonOutboxMessageUseCase abandon) {
        this.retry = retry;
        this.abandon = abandon;
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a FAILED message again",
            description = """
                    Puts a message the dispatcher gave up on (FAILED) back to be sent: PENDING, due now, with a fresh \
                    set of tries; the dispatcher sends it on its next run, with the usual pacing and SMS fallback. \
                    Fix the cause first (a token, the SMS balance, a template). Refused for a message that is not \
                    FAILED.""")
    @APIResponse(responseCode = "200", description = "Queued again.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.OutboxDecision.class),
                    examples = @ExampleObject(name = "retried", value = ApiDocs.OUTBOX_RETRIED)))
    @Audited(AdminAction.RETRY_OUTBOX_MESSAGE)
    public Response retry(@Parameter(description = "The outbox message's id.",
            example = "9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61") @PathParam("id") String id) {
        return answer("retried", id(id), retry.retry(id));
    }

    @POST
    @Path("{id}/abandon")
    @Operation(summary = "Give up a FAILED message for good",
            description = """
                    Records that an operator gave up on a message the dispatcher could not send (FAILED): it becomes \
                    ABANDONED, is never sent, and is purged with the other finished messages. Refused for a message \
                    that is not FAILED.""")
    @APIResponse(responseCode = "200", description = "Abandoned.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.OutboxDecision.class),
                    examples = @ExampleObject(name = "abandoned", value = ApiDocs.OUTBOX_ABANDONED)))
    @Audited(AdminAction.ABANDON_OUTBOX_MESSAGE)
    public Response abandon(@Parameter(description = "The outbox message's id.",
            example = "9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61") @PathParam("id") String id) {
        return answer("abandoned", id(id), abandon.abandon(id));
    }

    private static Response answer(String result, String id, OperatorOutboxOutcome outcome) {
        return switch (outcome) {
            case OperatorOutboxOutcome.Done done -> {
                LOG.infof("outbox message %s %s through the API", id, result);
                yield InvoicesResource.ok(new ListJson.OutboxDecision(result, OutboxMessageJson.of(done.message())));
            }
            case OperatorOutboxOutcome.NotFailed notFailed -> Problems.of(ProblemType.OUTBOX_MESSAGE_NOT_FAILED,
                    "Outbox message " + id + " is " + notFailed.status() + ", not FAILED; nothing changed.");
            case OperatorOutboxOutcome.NotFound notFound -> Problems.of(ProblemType.OUTBOX_MESSAGE_NOT_FOUND,
                    "There is no outbox message " + id + " (finished messages are purged after their retention).");
        };
    }

    private static String id(String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation("id", Rule.FORMAT,
                    "An outbox message id is 1–64 letters, digits, '-' or '_'.")));
        }
        return raw;
    }
}
