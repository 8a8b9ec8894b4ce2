package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import ke.invoiceiq.application.payment.RegisterC2bUrlsUseCase;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.payment.C2bRegistration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code POST /admin/c2b/register-urls}: registers our C2B confirmation and validation URLs with M-PESA for the
 * configured Paybill and Till (docs/RUNBOOK.md, "Registering the C2B URLs"). One use case; this class turns its
 * outcome into a status and keeps it in the audit trail.
 */
@Path("/admin/c2b")
@AdminApi
@Tag(name = "Admin")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class C2bRegistrationResource {

    private static final Logger LOG = Logger.getLogger(C2bRegistrationResource.class);

    private final RegisterC2bUrlsUseCase register;

    @Inject
    public C2bRegistrationResource(RegisterC2bUrlsUseCase register) {
        this.register = register;
    }

    /** What M-PESA said for one short code. */
    @RegisterForReflection
    @Schema(name = "C2bShortCodeRegistration")
    public record ShortCodeJson(
            @JsonProperty("short_code") @Schema(examples = "600100") String shortCode,
            @Schema(enumeration = {"registered", "refused", "unavailable"}) String result,
            @Schema(description = "M-PESA's words, or the kind of failure.", examples = "success") String detail) {
    }

    /** The answer as a whole. */
    @RegisterForReflection
    @Schema(name = "C2bRegistrationResult")
    public record RegistrationJson(
            @Schema(enumeration = {"registered", "partly-registered", "not-registered"}) String result,
            @JsonProperty("short_codes") List<ShortCodeJson> shortCodes) {
    }

    @POST
    @Path("register-urls")
    @Operation(summary = "Register the C2B confirmation and validation URLs with M-PESA",
            description = """
                    Tells M-PESA (Daraja's C2B register URL API, version 2) to send the payments made to the \
                    configured Paybill and Till from the M-PESA menu to this service: the confirmation and \
                    validation URLs under BASE_URL with the M-PESA callback token, and what M-PESA does when \
                    validation does not answer (MPESA_C2B_RESPONSE_TYPE). One call per short code; each answer is \
                    reported. Daraja refuses URLs already registered for a production short code: ask Safaricom to \
                    change them.""")
    @APIResponse(responseCode = "200", description = "What M-PESA answered for each short code.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RegistrationJson.class)))
    @APIResponse(responseCode = "409", description = "No Paybill or Till is configured, or no public URL.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @Audited(AdminAction.REGISTER_C2B_URLS)
    public Response registerUrls() {
        return switch (register.register()) {
            case RegisterC2bUrlsUseCase.Outcome.NotConfigured missing -> Problems.of(ProblemType.C2B_NOT_CONFIGURED,
                    "C2B is not configured: " + missing.missing() + " (docs/configuration.md).");
            case RegisterC2bUrlsUseCase.Outcome.Done done -> {
                List<ShortCodeJson> each = done.shortCodes().stream().map(C2bRegistrationResource::json).toList();
                long registered = each.stream().filter(s -> s.result().equals("registered")).count();
                String result = registered == each.size() ? "registered"
                        : registered == 0 ? "not-registered" : "partly-registered";
                LOG.infof("C2B URL registration through the API: %s", result);
                yield InvoicesResource.ok(new RegistrationJson(result, each));
            }
        };
    }

    private static ShortCodeJson json(RegisterC2bUrlsUseCase.ShortCodeOutcome outcome) {
        return switch (outcome.outcome()) {
            case C2bRegistration.Outcome.Registered r -> new ShortCodeJson(outcome.shortCode(), "registered",
                    r.description());
            case C2bRegistration.Outcome.Refused r -> new ShortCodeJson(outcome.shortCode(), "refused",
                    r.code() + (r.description().isBlank() ? "" : ": " + r.description()));
            case C2bRegistration.Outcome.Unavailable u -> new ShortCodeJson(outcome.shortCode(), "unavailable",
                    u.reason());
        };
    }
}
