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
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.invoice.CancelInvoiceCommand;
import ke.invoiceiq.application.invoice.CancelInvoiceOutcome;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceOutcome;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.InvoicePage;
import ke.invoiceiq.application.invoice.MarkInvoicePaidOutcome;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceCommand;
import ke.invoiceiq.application.invoice.RemindInvoiceOutcome;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Refusal;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /invoices}: create (and send), read, list, remind and cancel, for the merchant's tools. Each action is one
 * use case; this class only reads the request with the domain's parsers and turns every outcome into a status
 * and, for refusals, a problem with a stable type.
 */
@Path("/invoices")
@AdminApi
@Tag(name = "Invoices", description = "Bill a customer, follow the invoice, nudge or call it off.")
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The merchant API key (ADMIN_API_KEY): `Authorization: Bearer <key>`.")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class InvoicesResource {

    static final int DEFAULT_LIMIT = 20;

    private static final Logger LOG = Logger.getLogger(InvoicesResource.class);

    private final CreateInvoiceUseCase createInvoice;
    private final FindInvoicesUseCase findInvoices;
    private final RemindInvoiceUseCase remindInvoice;
    private final CancelInvoiceUseCase cancelInvoice;
    private final MarkInvoicePaidUseCase markPaid;
    private final MerchantSettings merchant;
    private final IdempotentEndpoint idempotent;
    private final Clock clock;

    @Inject
    public InvoicesResource(CreateInvoiceUseCase createInvoice, FindInvoicesUseCase findInvoices,
            RemindInvoiceUseCase remindInvoice, CancelInvoiceUseCase cancelInvoice, MarkInvoicePaidUseCase markPaid,
            MerchantSettings merchant, IdempotentEndpoint idempotent, Clock clock) {
        this.createInvoice = createInvoice;
        this.findInvoices = findInvoices;
        this.remindInvoice = remindInvoice;
        this.cancelInvoice = cancelInvoice;
        this.markPaid = markPaid;
        this.merchant = merchant;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Create an invoice and send it to the customer",
            description = """
                    Stores the invoice PENDING and queues it to the customer exactly as an invoice made in chat \
                    (WhatsApp with a **Pay with M-PESA** button, SMS with the pay link as fallback); it becomes SENT \
                    once a channel accepts it.

                    Members (unknown members are refused):
                    * `msisdn` (required): the customer's Safaricom number; `0712345678`, `712345678`, \
                    `+254712345678`, `254712345678`, also with the 0 kept after 254 (`+254 0712 345 678`), spaces \
                    and dashes are accepted, and it is stored as `2547XXXXXXXX`.
                    * `customer_name` (optional, 2–60 characters; `-` or `skip` mean none; no hidden formatting \
                    characters such as text direction marks).
                    * exactly one of `amount_cents` (a JSON integer, a multiple of 100: M-PESA takes whole \
                    shillings) or `amount` (whole shillings, a JSON number like `2500` or a string like `"2,500"`, \
                    `"KES 2500"`, `"2500.00"`). The amount is KES 1 to KES 250,000 (M-PESA's per-payment limit).
                    * `description` (required, 3–120 characters; no control characters and no hidden formatting \
                    characters such as text direction marks, which could make an amount read differently).

                    Every refused member is listed in `errors` with its `field` and `rule`.

                    **Idempotent with a key**: send an `Idempotency-Key` header to retry safely. The key is bound to \
                    the first request that uses it, whatever its answer: the same key with the same body returns the \
                    first status and body (with `Idempotent-Replayed: true`) and creates nothing; with another body \
                    it is refused with 422; while the first request is still being handled, a repeat gets 409 \
                    `request-in-progress` with `Retry-After: 1`. Without the header every request creates an \
                    invoice.""")
    @RequestBody(required = true, description = "The invoice.", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = CreateInvoiceRequest.class),
            examples = {
                    @ExampleObject(name = "amount in cents", value = ApiDocs.CREATE_CENTS),
                    @ExampleObject(name = "amount in shillings, with a name", value = ApiDocs.CREATE_AMOUNT)}))
    @APIResponse(responseCode = "201", description = "Created and queued to the customer.",
            headers = {
                    @Header(name = HttpHeaders.LOCATION, description = "The invoice's URL.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = IdempotentEndpoint.REPLAYED, description = "With an Idempotency-Key: true when "
                            + "this repeats an earlier request's answer.", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = JSON, schema = @Schema(implementation = InvoiceJson.class),
                    examples = @ExampleObject(name = "created", value = ApiDocs.INVOICE)))
    @APIResponse(responseCode = "400", description = "A member is missing, of the wrong type, out of range, or "
            + "unknown; or the body is not a JSON object.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "validation-error", value = ApiDocs.VALIDATION),
                            @ExampleObject(name = "unknown field", value = ApiDocs.UNKNOWN_FIELD),
                            @ExampleObject(name = "malformed-json", value = ApiDocs.MALFORMED)}))
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still being "
            + "handled; see Retry-After.",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "request-in-progress", value = ApiDocs.IN_PROGRESS)))
    @APIResponse(responseCode = "413", description = "The body is over 16 KB.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "415", description = "The body is not sent as JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unsupported-media-type", value = ApiDocs.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "idempotency-key-reused", value = ApiDocs.KEY_REUSED_BODY)))
    public Response create(
            @Parameter(name = IdempotentEndpoint.HEADER, in = ParameterIn.HEADER, required = false,
                    description = "Optional: a unique value per invoice, 1–195 visible ASCII characters (e.g. a "
                            + "UUID). Repeat it to retry safely: the first answer comes back and no second invoice "
                            + "is created.", example = "7d0c6a52-1f9e-4b3a-8d25-6e4f0b9c2a17")
            @HeaderParam(IdempotentEndpoint.HEADER) String key,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        Optional<IdempotentEndpoint.Key> checked = IdempotentEndpoint.optionalKey(key);
        return idempotent.answer(IdempotentEndpoint.Scope.INVOICES, checked, IdempotentEndpoint.fingerprint(body),
                () -> create(checked.map(IdempotentEndpoint.Key::forUseCase), contentType, body));
    }

    private Response create(Optional<IdempotencyKey> key, String contentType, byte[] body) {
        CreateInvoiceCommand command = InvoiceRequests.create(
                ApiJson.object(contentType, body, InvoiceRequests.CREATE_MEMBERS), key);
        return switch (createInvoice.create(command)) {
            case CreateInvoiceOutcome.Created created -> {
                Invoice invoice = created.invoice();
                if (created.isNew()) {
                    LOG.infof("invoice %s created through the API", invoice.id());
                }
                var answer = Response.created(UriBuilder.fromResource(InvoicesResource.class)
                                .path(invoice.id().value()).build())
                        .type(JSON)
                        .entity(ApiJson.write(InvoiceJson.of(stored(invoice), merchant, clock.instant())));
                // created before under the same key (its stored answer was lost): it is a repeat, nothing new
                yield (created.isNew() ? answer : answer.header(IdempotentEndpoint.REPLAYED, true)).build();
            }
            // a number never needs the directory; kept so every outcome has an answer
            case CreateInvoiceOutcome.UnknownCustomer unknown ->
                    Problems.of(ProblemType.UNKNOWN_CUSTOMER, "No customer has that name; use their phone number.");
            case CreateInvoiceOutcome.AmbiguousCustomer ambiguous ->
                    Problems.of(ProblemType.AMBIGUOUS_CUSTOMER, "Several customers have that name; use the number.");
            case CreateInvoiceOutcome.DueDateRefused refused -> Problems.validation(new FieldViolation(
                    InvoiceRequests.DUE_DATE, FieldViolation.Rule.MIN, refused.error().message()));
        };
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one invoice", description = "The invoice as it is now, with its pay link.")
    @APIResponse(responseCode = "200", description = "The invoice.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = InvoiceJson.class),
                    examples = @ExampleObject(name = "paid", value = ApiDocs.PAID_INVOICE)))
    @APIResponse(responseCode = "400", description = "The id is not an invoice id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    public Response get(@Parameter(description = "The invoice id; read case-insensitively.", example = "INV-7K3Q9X")
            @PathParam("id") String id) {
        InvoiceId invoiceId = InvoiceRequests.invoiceId("id", id);
        return findInvoices.find(invoiceId)
                .map(invoice -> ok(InvoiceJson.of(invoice, merchant, clock.instant())))
                .orElseGet(() -> notFound(invoiceId));
    }

    @GET
    @Operation(summary = "List invoices, newest first",
            description = """
                    Newest first (by creation time, then id), optionally only one status, one page at a time. Pass \
                    the `next_cursor` of a page as `cursor` to get the next one; `next_cursor` is null on the last \
                    page. Pages never repeat or skip an invoice, even while new ones are created.""")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.InvoicePage.class),
                    examples = @ExampleObject(name = "a page", value = ApiDocs.INVOICE_PAGE)))
    @APIResponse(responseCode = "400", description = "`status`, `limit` or `cursor` is not valid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "limit too large", value = ApiDocs.BAD_LIST_PARAMS)))
    public Response list(
            @Parameter(description = "Only invoices in this status (case-insensitive).", in = ParameterIn.QUERY,
                    schema = @Schema(enumeration = {"PENDING", "SENT", "PAID", "CANCELLED", "FAILED"}),
                    example = "SENT")
            @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 100.", in = ParameterIn.QUERY,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
                    example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "The `next_cursor` of the previous page; omit for the first page.",
                    in = ParameterIn.QUERY, example = "djE6MTc3MjQzMTIwMC4wMDAwMDAwMDA6SU5WLTdLM1E5WA")
            @QueryParam("cursor") String cursor) {
        var errors = new ArrayList<FieldViolation>();
        Optional<InvoiceStatus> onlyStatus = status(status, errors);
        int size = limit(limit, errors);
        Optional<InvoiceCursor> after = cursor(cursor, errors);
        if (!errors.isEmpty()) {
            return Problems.validation(errors);
        }
        InvoicePage page = findInvoices.page(onlyStatus, after, size);
        return ok(new ListJson.InvoicePage(
                page.items().stream().map(i -> InvoiceJson.of(i, merchant, clock.instant())).toList(),
                page.next().map(Cursors::encode).orElse(null)));
    }

    @POST
    @Path("{id}/remind")
    @Operation(summary = "Remind the customer",
            description = """
                    Queues a reminder to the customer of a SENT invoice; an invoice that could not be delivered \
                    (FAILED) is delivered again instead. Not for PENDING, PAID or CANCELLED invoices, not more often \
                    than the reminder interval, and not more than the reminder limit.""")
    @APIResponse(responseCode = "202", description = "The reminder (or the invoice again) is queued.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.Reminded.class),
                    examples = @ExampleObject(name = "reminded", value = ApiDocs.REMINDED)))
    @APIResponse(responseCode = "400", description = "The id is not an invoice id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not sent yet, paid, cancelled, or no reminders left.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "invoice-not-sent-yet", value = ApiDocs.NOT_SENT),
                            @ExampleObject(name = "invoice-already-paid", value = ApiDocs.ALREADY_PAID),
                            @ExampleObject(name = "invoice-cancelled", value = ApiDocs.CANCELLED_PROBLEM),
                            @ExampleObject(name = "reminder-limit-reached", value = ApiDocs.REMINDER_LIMIT)}))
    @APIResponse(responseCode = "429", description = "Reminded a short while ago; see Retry-After.",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds until a reminder is allowed.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "reminded-recently", value = ApiDocs.REMINDED_RECENTLY)))
    @Audited(AdminAction.REMIND_INVOICE)
    public Response remind(@Parameter(description = "The invoice id.", example = "INV-7K3Q9X")
            @PathParam("id") String id) {
        InvoiceId invoiceId = InvoiceRequests.invoiceId("id", id);
        return switch (remindInvoice.remind(new RemindInvoiceCommand(invoiceId))) {
            case RemindInvoiceOutcome.Reminded reminded -> accepted("reminded", reminded.invoice());
            case RemindInvoiceOutcome.Redelivered redelivered -> accepted("redelivered", redelivered.invoice());
            case RemindInvoiceOutcome.NotFound notFound -> notFound(invoiceId);
            case RemindInvoiceOutcome.Refused refused -> switch (refused.refusal()) {
                case REMINDED_RECENTLY -> refused.remindAgainAt()
                        .map(at -> Problems.retryLater(ProblemType.REMINDED_RECENTLY, "The customer was reminded about "
                                + invoiceId + " recently; try again after " + at + ".", clock.instant(), at))
                        .orElseGet(() -> Problems.of(ProblemType.REMINDED_RECENTLY,
                                "The customer was reminded about " + invoiceId + " recently."));
                default -> refusal(refused.invoice(), refused.refusal());
            };
        };
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an invoice",
            description = """
                    Cancels a PENDING, SENT or FAILED invoice; a customer who had it is told. Refused while an \
                    M-PESA prompt for it is open (the money may still come) and once it is paid. Cancelling a \
                    cancelled invoice changes nothing and answers 200 with `already_cancelled`.""")
    @APIResponse(responseCode = "200", description = "Cancelled (or it already was).",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.Cancelled.class),
                    examples = @ExampleObject(name = "cancelled", value = ApiDocs.CANCELLED)))
    @APIResponse(responseCode = "400", description = "The id is not an invoice id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "An M-PESA prompt is open, or the invoice is paid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "payment-in-flight", value = ApiDocs.IN_FLIGHT),
                            @ExampleObject(name = "invoice-already-paid", value = ApiDocs.ALREADY_PAID)}))
    @Audited(AdminAction.CANCEL_INVOICE)
    public Response cancel(@Parameter(description = "The invoice id.", example = "INV-7K3Q9X")
            @PathParam("id") String id) {
        InvoiceId invoiceId = InvoiceRequests.invoiceId("id", id);
        return switch (cancelInvoice.cancel(new CancelInvoiceCommand(invoiceId))) {
            case CancelInvoiceOutcome.Cancelled cancelled -> {
                LOG.infof("invoice %s cancelled through the API", invoiceId);
                yield ok(new ListJson.Cancelled("cancelled", cancelled.customerTold(),
                        InvoiceJson.of(stored(cancelled.invoice()), merchant, clock.instant())));
            }
            case CancelInvoiceOutcome.AlreadyCancelled already -> ok(new ListJson.Cancelled("already_cancelled", false,
                    InvoiceJson.of(already.invoice(), merchant, clock.instant())));
            case CancelInvoiceOutcome.Refused refused -> refusal(refused.invoice(), refused.refusal());
            case CancelInvoiceOutcome.NotFound notFound -> notFound(invoiceId);
        };
    }

    @POST
    @Path("{id}/mark-paid")
    @Operation(summary = "Record a payment made outside M-PESA",
            description = """
                    For money the merchant received another way (cash, a bank transfer): `amount_cents` or `amount` \
                    (the whole balance when neither is given) is recorded as paid outside M-PESA with the method \
                    and a note. Several recordings add up: the invoice is PAID when M-PESA's payments and the \
                    recordings reach its amount, else it stays open with the balance left (the next M-PESA prompt \
                    asks for it). More than the balance is refused (`422 more-than-balance`), nothing recorded. A \
                    customer who had the invoice gets a receipt naming the method: paid, or the part received and \
                    the balance. The merchant gets no notice (they asked for it). Refused while an M-PESA prompt \
                    for it is open (the money may still come), once it is PAID, and for a cancelled invoice. The \
                    merchant can record the same from chat: `paid INV-7K3Q9X 500 cash`.

                    Body: `{"method":"CASH"|"BANK_TRANSFER"|"OTHER","note":"…","amount":500}` (note 3–200 \
                    characters, no line breaks; the amount optional); unknown members are refused. The note is kept \
                    on the invoice (a business record): write what the books need, not more.""")
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = MarkPaidRequest.class),
            examples = @ExampleObject(name = "cash", value = ApiDocs.MARK_PAID_REQUEST)))
    @APIResponse(responseCode = "200", description = "Recorded: the invoice is PAID, or still open with its balance.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ListJson.MarkedPaid.class),
                    examples = @ExampleObject(name = "marked paid", value = ApiDocs.MARKED_PAID)))
    @APIResponse(responseCode = "400", description = "The id or the body is not valid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "An M-PESA prompt is open, the invoice is paid, or cancelled.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "payment-in-flight", value = ApiDocs.IN_FLIGHT),
                            @ExampleObject(name = "invoice-already-paid", value = ApiDocs.ALREADY_PAID),
                            @ExampleObject(name = "invoice-cancelled", value = ApiDocs.CANCELLED_PROBLEM)}))
    @APIResponse(responseCode = "415", description = "The body is not sent as JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unsupported-media-type", value = ApiDocs.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "The amount is more than the balance: nothing was recorded.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class)))
    @Audited(AdminAction.MARK_INVOICE_PAID)
    public Response markPaid(@Parameter(description = "The invoice id.", example = "INV-7K3Q9X")
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        InvoiceId invoiceId = InvoiceRequests.invoiceId("id", id);
        var command = InvoiceRequests.markPaid(invoiceId,
                ApiJson.object(contentType, body, InvoiceRequests.MARK_PAID_MEMBERS));
        return switch (markPaid.markPaid(command)) {
            case MarkInvoicePaidOutcome.Marked marked -> {
                LOG.infof("invoice %s marked paid outside M-PESA (%s) through the API", invoiceId, command.method());
                yield ok(new ListJson.MarkedPaid(marked.paidInFull() ? "marked_paid" : "part_paid",
                        marked.customerTold(),
                        InvoiceJson.of(stored(marked.invoice()), merchant, clock.instant())));
            }
            case MarkInvoicePaidOutcome.Refused refused -> refusal(refused.invoice(), refused.refusal());
            case MarkInvoicePaidOutcome.NotFound notFound -> notFound(invoiceId);
        };
    }

    /** The problem for an invoice's refusal; {@link Refusal#REMINDED_RECENTLY} is answered by the caller. */
    private static Response refusal(Invoice invoice, Refusal refusal) {
        InvoiceId id = invoice.id();
        return switch (refusal) {
            case NOT_SENT_YET -> Problems.of(ProblemType.INVOICE_NOT_SENT_YET, "Invoice " + id
                    + " has not reached the customer yet: there is nothing to remind them of.");
            case ALREADY_PAID -> Problems.of(ProblemType.INVOICE_ALREADY_PAID, "Invoice " + id + " is paid"
                    + invoice.receipt().map(MpesaReceipt::value).map(r -> " (receipt " + r + ").").orElse("."));
            case CANCELLED -> Problems.of(ProblemType.INVOICE_CANCELLED, "Invoice " + id + " is cancelled.");
            case PAYMENT_IN_FLIGHT -> Problems.of(ProblemType.PAYMENT_IN_FLIGHT, "An M-PESA prompt for invoice " + id
                    + " is open on the customer's phone; the money may still come. Try again once it has ended.");
            case REMINDER_LIMIT_REACHED -> Problems.of(ProblemType.REMINDER_LIMIT_REACHED, "Invoice " + id
                    + " was reminded " + invoice.reminderCount() + " times already.");
            case REMINDED_RECENTLY -> Problems.of(ProblemType.REMINDED_RECENTLY,
                    "The customer was reminded about " + id + " recently.");
            case MORE_THAN_BALANCE -> Problems.of(ProblemType.MORE_THAN_BALANCE, "The amount is more than the "
                    + invoice.balance().display() + " still owed on invoice " + id + "; nothing was recorded.");
        };
    }

    private Response accepted(String result, Invoice invoice) {
        LOG.infof("invoice %s: %s through the API", invoice.id(), result);
        return Response.accepted().type(JSON)
                .entity(ApiJson.write(new ListJson.Reminded(result,
                        InvoiceJson.of(stored(invoice), merchant, clock.instant()))))
                .build();
    }

    /**
     * The invoice as the store now holds it. A database keeps times to the microsecond, so an answer built from the
     * use case's own copy could show a {@code created_at} that later reads never repeat; read back, every answer
     * about an invoice shows the same times.
     */
    private Invoice stored(Invoice invoice) {
        return findInvoices.find(invoice.id()).orElse(invoice);
    }

    static Response ok(Object body) {
        return Response.ok(ApiJson.write(body), JSON).build();
    }

    static Response notFound(InvoiceId id) {
        return Problems.of(ProblemType.INVOICE_NOT_FOUND, "There is no invoice " + id + ".");
    }

    private static Optional<InvoiceStatus> status(String raw, ArrayList<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InvoiceStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation("status", Rule.ONE_OF, "status must be one of "
                    + Arrays.stream(InvoiceStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
            return Optional.empty();
        }
    }

    static int limit(String raw, ArrayList<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String s = raw.strip();
        if (!s.matches("[+-]?\\d{1,9}")) {
            errors.add(new FieldViolation("limit", Rule.TYPE, "limit must be a whole number from 1 to "
                    + FindInvoicesUseCase.MAX_LIMIT + "."));
            return DEFAULT_LIMIT;
        }
        int n = Integer.parseInt(s);
        if (n < 1) {
            errors.add(new FieldViolation("limit", Rule.MIN, "limit must be at least 1."));
        } else if (n > FindInvoicesUseCase.MAX_LIMIT) {
            errors.add(new FieldViolation("limit", Rule.MAX, "limit must be at most " + FindInvoicesUseCase.MAX_LIMIT
                    + "."));
        }
        return n;
    }

    private static Optional<InvoiceCursor> cursor(String raw, ArrayList<FieldViolation> errors) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<InvoiceCursor> cursor = Cursors.decode(raw.strip());
        if (cursor.isEmpty()) {
            errors.add(new FieldViolation("cursor", Rule.FORMAT,
                    "cursor must be the next_cursor of an earlier page, passed back unchanged."));
        }
        return cursor;
    }
}
