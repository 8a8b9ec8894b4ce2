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
import ke.invoiceiq.application.payment.RequeryPaymentOutcome;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.payment.PaymentId;
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

/** {@code /admin/payments/{id}/requery}: the reconciler's STK query for one attempt, when an operator asks. */
@Path("/admin/payments")
@AdminApi
@Tag(name = "Admin")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class RequeryResource {

    /** Our ids: letters, digits, {@code -} and {@code _}, at most 64. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = Logger.getLogger(RequeryResource.class);

    private final RequeryPaymentUseCase requery;

    @Inject
    public RequeryResource(RequeryPaymentUseCase requery) {
        this.requery = requery;
    }

    @POST
    @Path("{id}/requery")
    @Operation(summary = "Ask M-PESA now how an STK attempt ended",
            description = """
                    The reconciler's STK query for one attempt (its `id` from `GET /payments?invoice_id=…`), now, \
                    without waiting for its backoff. Only for an attempt still INITIATED that Daraja named (it has a \
                    `checkout_request_id`). A final answer is applied exactly as the reconciler applies it (the \
                    invoice paid or the attempt failed, receipts and notices sent): `settled`. Otherwise the attempt \
                    stays open: `pending` (the customer has not finished) or `unknown` (the query failed); the \
                    reconciler keeps asking and gives it up after 5 minutes as usual. Respect Daraja's spike \
                    arrest: do not loop this.""")
    @APIResponse(responseCode = "200", description = "Asked: what M-PESA said, and the attempt after it.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.Requeried.class),
                    examples = @ExampleObject(name = "pending", value = ApiDocs.REQUERIED)))
    @APIResponse(responseCode = "400", description = "The id is not a payment id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such payment attempt.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-not-found", value = ApiDocs.PAYMENT_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The attempt ended already, or Daraja never named it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-not-queryable", value = ApiDocs.NOT_QUERYABLE)))
    @APIResponse(responseCode = "503", description = "Daraja's rate limit refused the query; ask again later.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-gateway-unavailable",
                            value = ApiDocs.GATEWAY_UNAVAILABLE)))
    @Audited(AdminAction.REQUERY_PAYMENT)
    public Response requery(@Parameter(description = "The payment attempt's id.", example = "pay_01HZX3")
            @PathParam("id") String id) {
        PaymentId paymentId = id(id);
        return switch (requery.requery(paymentId)) {
            case RequeryPaymentOutcome.Settled settled -> answer("settled", settled.payment());
            case RequeryPaymentOutcome.StillOpen open -> answer(open.pending() ? "pending" : "unknown",
                    open.payment());
            case RequeryPaymentOutcome.Throttled throttled -> Problems.of(ProblemType.PAYMENT_GATEWAY_UNAVAILABLE,
                    "Daraja's rate limit refused the query; ask again in a minute.");
            case RequeryPaymentOutcome.NotQueryable not -> Problems.of(ProblemType.PAYMENT_NOT_QUERYABLE,
                    not.payment().isInFlight()
                            ? "Payment " + paymentId + " has no CheckoutRequestID: Daraja never named the push, so "
                                    + "there is nothing to ask about. The reconciler gives it up after 5 minutes."
                            : "Payment " + paymentId + " ended already (" + not.payment().status() + ").");
            case RequeryPaymentOutcome.NotFound notFound -> Problems.of(ProblemType.PAYMENT_NOT_FOUND,
                    "There is no payment attempt " + paymentId + ".");
        };
    }

    private static Response answer(String result, ke.invoiceiq.domain.payment.Payment payment) {
        LOG.infof("payment %s re-queried through the API: %s", payment.id(), result);
        return InvoicesResource.ok(new ListJson.Requeried(result, PaymentJson.of(payment)));
    }

    private static PaymentId id(String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation("id", Rule.FORMAT,
                    "A payment id is 1–64 letters, digits, '-' or '_', as GET /payments shows it.")));
        }
        return new PaymentId(raw);
    }
}
