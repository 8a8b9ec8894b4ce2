package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Optional;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.audit.AuditPage;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.domain.audit.AuditCursor;
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

/** {@code /admin/audit}: the audit trail of admin actions ({@link AdminAuditFilter} keeps it), newest first. */
@Path("/admin/audit")
@AdminApi
@Tag(name = "Admin", description = "Operator actions and their audit trail.")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class AuditResource {

    private final FindAdminActionsUseCase findActions;

    @Inject
    public AuditResource(FindAdminActionsUseCase findActions) {
        this.findActions = findActions;
    }

    @GET
    @Operation(summary = "List admin actions, newest first",
            description = """
                    Every admin action taken through the API (apply an unmatched payment, remind, cancel, and the \
                    operator actions), answered or refused, with the fingerprint of the key that did it (the first 12 \
                    hex digits of its SHA-256), the `{id}` it was done to, and how it ended. A request refused for its \
                    key (401) is not an action and is not listed. Paged like `GET /invoices`: pass `next_cursor` back \
                    as `cursor`. The trail is never purged.""")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.AuditPage.class),
                    examples = @ExampleObject(name = "a page", value = ApiDocs.AUDIT_PAGE)))
    @APIResponse(responseCode = "400", description = "`limit` or `cursor` is not valid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "limit too large", value = ApiDocs.BAD_LIST_PARAMS)))
    public Response list(
            @Parameter(description = "Page size, 1 to 100.", in = ParameterIn.QUERY,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
                    example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "The `next_cursor` of the previous page; omit for the first page.",
                    in = ParameterIn.QUERY)
            @QueryParam("cursor") String cursor) {
        var errors = new ArrayList<FieldViolation>();
        int size = InvoicesResource.limit(limit, errors);
        Optional<AuditCursor> after = cursor(cursor, errors);
        if (!errors.isEmpty()) {
            return Problems.validation(errors);
        }
        AuditPage page = findActions.page(after, size);
        return InvoicesResource.ok(new ListJson.AuditPage(page.items().stream().map(AuditEntryJson::of).toList(),
                page.next().map(Cursors::encodeAudit).orElse(null)));
    }

    private static Optional<AuditCursor> cursor(String raw, ArrayList<FieldViolation> errors) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<AuditCursor> cursor = Cursors.decodeAudit(raw.strip());
        if (cursor.isEmpty()) {
            errors.add(new FieldViolation("cursor", Rule.FORMAT,
                    "cursor must be the next_cursor of an earlier page, passed back unchanged."));
        }
        return cursor;
    }
}
