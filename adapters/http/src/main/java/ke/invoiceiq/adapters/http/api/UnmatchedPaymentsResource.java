package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentOutcome;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /payments/unmatched}: money M-PESA reported that matched no payment attempt, for the merchant to see and
 * to apply to the invoice it was for. Reading is {@link FindUnmatchedPaymentsUseCase}, applying is
 * {@link ApplyUnmatchedPaymentUseCase}; this class reads the request and turns each outcome into a status.
 */
@Path("/payments/unmatched")
@AdminApi
@Tag(name = "Payments")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class UnmatchedPaymentsResource {

    /** Our ids: a UUID in production; letters, digits, {@code -} and {@code _}, at most 64. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = Logger.getLogger(UnmatchedPaymentsResource.class);

    private final FindUnmatchedPaymentsUseCase findUnmatched;
    private final ApplyUnmatchedPaymentUseCase applyUnmatched;
    private final FindInvoicesUseCase findInvoices;
    private final MerchantSettings merchant;
    private final IdempotentEndpoint idempotent;
    private final java.time.Clock clock;

    @Inject
    public UnmatchedPaymentsResource(FindUnmatchedPaymentsUseCase findUnmatched,
            ApplyUnmatchedPaymentUseCase applyUnmatched, FindInvoicesUseCase findInvoices, MerchantSettings merchant,
            IdempotentEndpoint idempotent, java.time.Clock clock) {
        this.clock = clock;
        this.findUnmatched = findUnmatched;
        this.applyUnmatched = applyUnmatched;
        this.findInvoices = findInvoices;
        this.merchant = merchant;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(summary = "List unmatched payments, newest first",
            description = """
                    Money M-PESA reported (a successful callback) that matched no payment attempt: not by its \
                    CheckoutRequestID, nor by payer, amount and time. Nothing is dropped: each stays OPEN until it is \
                    applied to an invoice (`POST /payments/unmatched/{id}/apply`), or is applied automatically when \
                    its attempt turns up after all. Newest first (by when it was received), optionally only one \
                    status. The payer's number is masked.""")
    @APIResponse(responseCode = "200", description = "The newest unmatched payments (possibly none).",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.UnmatchedPayments.class),
                    examples = @ExampleObject(name = "one open", value = ApiDocs.UNMATCHED_LIST)))
    @APIResponse(responseCode = "400", description = "`status` or `limit` is not valid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "limit too large", value = ApiDocs.BAD_LIST_PARAMS)))
    public Response list(
            @Parameter(description = "Only those in this status (case-insensitive).", in = ParameterIn.QUERY,
                    schema = @Schema(enumeration = {"OPEN", "APPLIED"}), example = "OPEN")
            @QueryParam("status") String status,
            @Parameter(description = "How many, 1 to 100.", in = ParameterIn.QUERY,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
                    example = "20")
            @QueryParam("limit") String limit) {
        var errors = new ArrayList<FieldViolation>();
        Optional<UnmatchedPayment.Status> onlyStatus = status(status, errors);
        int size = InvoicesResource.limit(limit, errors);
        if (!errors.isEmpty()) {
            return Problems.validation(errors);
        }
        return InvoicesResource.ok(new ListJson.UnmatchedPayments(findUnmatched.latest(onlyStatus, size).stream()
                .map(UnmatchedPaymentJson::of).toList()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one unmatched payment", description = "The unmatched payment as it is now.")
    @APIResponse(responseCode = "200", description = "The unmatched payment.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = UnmatchedPaymentJson.class),
                    examples = @ExampleObject(name = "open", value = ApiDocs.UNMATCHED)))
    @APIResponse(responseCode = "400", description = "The id is not an unmatched payment id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such unmatched payment.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unmatched-payment-not-found",
                            value = ApiDocs.UNMATCHED_NOT_FOUND)))
    public Response get(@Parameter(description = "The unmatched payment's id.",
            example = "3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35") @PathParam("id") String id) {
        UnmatchedPaymentId paymentId = id(id);
        return findUnmatched.find(paymentId)
                .map(payment -> InvoicesResource.ok(UnmatchedPaymentJson.of(payment)))
                .orElseGet(() -> notFound(paymentId));
    }

    @POST
    @Path("{id}/apply")
    @Operation(summary = "Apply an unmatched payment to an invoice",
            description = """
                    Counts the money towards the invoice named in the body, as a payment of its own: the invoice is \
                    PAID when what it was paid reaches its amount, otherwise its balance goes down (a part \
                    payment). Money beyond the amount is an excess to refund; a cancelled invoice paid in full \
                    becomes PAID. Customer and merchant are told as for any payment. The same money is never \
                    counted twice: once applied, a payment cannot be applied again, and a receipt already recorded \
                    on an invoice is refused (and the unmatched payment closed as applied to that invoice).

                    Body: `{"invoice_id":"INV-…"}`; unknown members are refused.

                    **Idempotent with a key**: an optional `Idempotency-Key` header is bound to the first request \
                    that uses it, whatever its answer. The same key with the same id and body returns the first \
                    status and body (with `Idempotent-Replayed: true`); with another id or body it is refused with \
                    422; while the first request is still being handled, a repeat gets 409 `request-in-progress` \
                    with `Retry-After: 1`.""")
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = ApplyUnmatchedRequest.class),
            examples = @ExampleObject(name = "apply to an invoice", value = ApiDocs.APPLY_REQUEST)))
    @APIResponse(responseCode = "200", description = "Applied: the unmatched payment (now APPLIED) and the invoice "
            + "after it.",
            headers = @Header(name = IdempotentEndpoint.REPLAYED, description = "With an Idempotency-Key: true when "
                    + "this repeats an earlier request's answer.", schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.Applied.class),
                    examples = @ExampleObject(name = "applied, a balance left", value = ApiDocs.APPLIED)))
    @APIResponse(responseCode = "400", description = "The id, the body or the Idempotency-Key is not valid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "validation-error", value = ApiDocs.BAD_APPLY)))
    @APIResponse(responseCode = "404", description = "No such unmatched payment, or no such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "unmatched-payment-not-found", value = ApiDocs.UNMATCHED_NOT_FOUND),
                            @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)}))
    @APIResponse(responseCode = "409", description = "Applied already; its receipt is recorded on an invoice already; "
            + "or the first request with this Idempotency-Key is still being handled (then with Retry-After).",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "request-in-progress only: seconds.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "unmatched-payment-applied", value = ApiDocs.UNMATCHED_APPLIED),
                            @ExampleObject(name = "payment-already-recorded", value = ApiDocs.ALREADY_RECORDED),
                            @ExampleObject(name = "request-in-progress", value = ApiDocs.IN_PROGRESS)}))
    @APIResponse(responseCode = "415", description = "The body is not sent as JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unsupported-media-type", value = ApiDocs.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "M-PESA did not report the amount, so it cannot be counted; or "
            + "the Idempotency-Key was used for another request.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "payment-amount-unknown", value = ApiDocs.AMOUNT_UNKNOWN),
                            @ExampleObject(name = "idempotency-key-reused", value = ApiDocs.KEY_REUSED_BODY)}))
    @Audited(AdminAction.APPLY_UNMATCHED_PAYMENT)
    public Response apply(
            @Parameter(description = "The unmatched payment's id.", example = "3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35")
            @PathParam("id") String id,
            @Parameter(name = IdempotentEndpoint.HEADER, in = ParameterIn.HEADER, required = false,
                    description = "Optional: 1–195 visible ASCII characters (e.g. a UUID); repeat it to retry "
                            + "safely.", example = "5b8e2d71-9c4a-4f10-b3e6-0a7d1c9f2e48")
            @HeaderParam(IdempotentEndpoint.HEADER) String key,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        Optional<IdempotentEndpoint.Key> checked = IdempotentEndpoint.optionalKey(key);
        UnmatchedPaymentId paymentId = id(id);
        return idempotent.answer(IdempotentEndpoint.Scope.UNMATCHED_APPLY, checked,
                IdempotentEndpoint.fingerprint(paymentId.value(), body), () -> apply(paymentId, contentType, body));
    }

    private Response apply(UnmatchedPaymentId paymentId, String contentType, byte[] body) {
        InvoiceId invoiceId = InvoiceRequests.invoiceMember(
                ApiJson.object(contentType, body, InvoiceRequests.APPLY_MEMBERS));
        ApplyUnmatchedPaymentOutcome outcome = applyUnmatched.apply(paymentId, invoiceId);
        LOG.infof("unmatched payment %s applied to %s through the API: %s", paymentId, invoiceId,
                outcome.getClass().getSimpleName());
        return switch (outcome) {
            case ApplyUnmatchedPaymentOutcome.Applied applied -> {
                Invoice invoice = applied.settlement().invoice();
                yield InvoicesResource.ok(new ListJson.Applied(UnmatchedPaymentJson.of(applied.payment()),
                        InvoiceJson.of(findInvoices.find(invoice.id()).orElse(invoice), merchant, clock.instant())));
            }
            case ApplyUnmatchedPaymentOutcome.AlreadyApplied already -> Problems.of(
                    ProblemType.UNMATCHED_PAYMENT_APPLIED, "Unmatched payment " + paymentId + " was applied already"
                            + already.payment().appliedTo().map(to -> " to invoice " + to).orElse("")
                            + "; nothing changed.");
            case ApplyUnmatchedPaymentOutcome.AlreadyRecorded recorded -> Problems.of(
                    ProblemType.PAYMENT_ALREADY_RECORDED, "Its M-PESA receipt"
                            + recorded.payment().receipt().map(MpesaReceipt::value).map(r -> " " + r).orElse("")
                            + " is recorded on invoice " + recorded.recordedOn() + " already: the money is counted "
                            + "there. Unmatched payment " + paymentId + " is now marked applied to "
                            + recorded.recordedOn() + "; nothing was added to " + invoiceId + ".");
            case ApplyUnmatchedPaymentOutcome.AmountUnknown unknown -> Problems.of(
                    ProblemType.PAYMENT_AMOUNT_UNKNOWN, "M-PESA did not report how much unmatched payment "
                            + paymentId + " was, so it cannot be counted towards an invoice; check the M-PESA "
                            + "statement.");
            case ApplyUnmatchedPaymentOutcome.PaymentNotFound notFound -> notFound(paymentId);
            case ApplyUnmatchedPaymentOutcome.InvoiceNotFound notFound -> InvoicesResource.notFound(invoiceId);
        };
    }

    private static Response notFound(UnmatchedPaymentId id) {
        return Problems.of(ProblemType.UNMATCHED_PAYMENT_NOT_FOUND, "There is no unmatched payment " + id + ".");
    }

    private static UnmatchedPaymentId id(String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw new ApiProblemException(Problems.validation(new FieldViolation("id", Rule.FORMAT,
                    "An unmatched payment id is 1–64 letters, digits, '-' or '_', as the list shows it.")));
        }
        return new UnmatchedPaymentId(raw);
    }

    private static Optional<UnmatchedPayment.Status> status(String raw, ArrayList<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UnmatchedPayment.Status.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation("status", Rule.ONE_OF, "status must be one of "
                    + Arrays.stream(UnmatchedPayment.Status.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + "."));
            return Optional.empty();
        }
    }
}
