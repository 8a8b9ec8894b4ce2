package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /payments?invoice_id=}: the STK attempts of one invoice. Only {@code /payments} itself: the STK
 * callback ({@code /payments/stk/callback/…}) and the initiate endpoint are other resources.
 */
@Path("/payments")
@AdminApi
@Tag(name = "Payments")
@SecurityRequirement(name = ApiDocs.BEARER)
public class PaymentsResource {

    private final FindPaymentsUseCase findPayments;

    @Inject
    public PaymentsResource(FindPaymentsUseCase findPayments) {
        this.findPayments = findPayments;
    }

    @GET
    @Operation(summary = "List the M-PESA attempts of an invoice",
            description = "Every STK push attempt made for the invoice, newest first, with how it ended.")
    @APIResponse(responseCode = "200", description = "The attempts (possibly none).",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.Payments.class),
                    examples = @ExampleObject(name = "one attempt", value = ApiDocs.PAYMENTS)))
    @APIResponse(responseCode = "400", description = "`invoice_id` is missing or not an invoice id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    public Response list(@Parameter(description = "The invoice.", in = ParameterIn.QUERY, required = true,
            example = "INV-7K3Q9X") @QueryParam("invoice_id") String invoiceId) {
        InvoiceId id = InvoiceRequests.invoiceId("invoice_id", invoiceId);
        return findPayments.ofInvoice(id)
                .map(payments -> InvoicesResource.ok(new ListJson.Payments(id.value(),
                        payments.stream().map(PaymentJson::of).toList())))
                .orElseGet(() -> InvoicesResource.notFound(id));
    }
}
