package ke.invoiceiq.adapters.http.api;

import ke.invoiceiq.application.due.GetOverdueNumbersUseCase;
import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /stats/summary}: the merchant's numbers. */
@Path("/stats")
@AdminApi
@Tag(name = "Stats", description = "How invoicing is going.")
@SecurityRequirement(name = ApiDocs.BEARER)
public class StatsResource {

    private final GetStatsSummaryUseCase stats;

    @Inject
    public StatsResource(GetStatsSummaryUseCase stats, GetOverdueNumbersUseCase overdue) {
        this.stats = stats;
        this.overdue = overdue;
    }

    private final GetOverdueNumbersUseCase overdue;

    @GET
    @Path("summary")
    @Operation(summary = "Counts, conversion and time to pay",
            description = """
                    Invoices by status, how many reached the customer (`sent`: sent, paid after sending, or \
                    cancelled after sending) and were paid, conversion = paid / sent, and the mean and median time \
                    from the invoice reaching the customer to the payment, in seconds (null before the first \
                    payment).""")
    @APIResponse(responseCode = "200", description = "The summary.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = StatsJson.class),
                    examples = @ExampleObject(name = "summary", value = ApiDocs.STATS)))
    @APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
    public Response summary() {
        return InvoicesResource.ok(StatsJson.of(stats.summary(), overdue.overdue()));
    }
}
