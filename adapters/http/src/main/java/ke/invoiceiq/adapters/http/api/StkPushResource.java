package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.JSON;
import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
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
 * {@code POST /payments/stk/initiate}: raise the M-PESA prompt on the invoiced customer's phone, idempotently. The
 * {@code Idempotency-Key} is required; {@link IdempotentEndpoint} binds it to the first request (scope
 * {@code stk-initiate}) and answers repeats. The use case gets it prefixed with {@value IdempotentEndpoint#KEY_PREFIX},
 * so a key chosen by an API client can never collide with the keys the chat and the pay page make
 * ({@code whatsapp:…}, {@code sms:…}, …).
 */
@Path("/payments/stk/initiate")
@AdminApi
@Tag(name = "Payments", description = "M-PESA STK push attempts.")
@SecurityRequirement(name = ApiDocs.BEARER)
public class StkPushResource {

    static final String IDEMPOTENCY_KEY = IdempotentEndpoint.HEADER;
    static final String REPLAYED = IdempotentEndpoint.REPLAYED;
    /**
     * When to try again after M-PESA refused a push at its gate (throttled, unreachable): no prompt went out, so a
     * new one may start at once; a short pause lets a spike arrest pass.
     */
    static final Duration GATEWAY_RETRY_AFTER = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(StkPushResource.class);

    private final RequestPaymentUseCase requestPayment;
    private final IdempotentEndpoint idempotent;
    private final Clock clock;

    @Inject
    public StkPushResource(RequestPaymentUseCase requestPayment, IdempotentEndpoint idempotent, Clock clock) {
        this.requestPayment = requestPayment;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Send the M-PESA prompt (STK push) for an invoice",
            description = """
                    Asks M-PESA to show the payment prompt on the invoiced customer's phone (the customer types \
                    their PIN; the result arrives later, see `GET /payments?invoice_id=`). The prompt asks for the \
                    invoice's balance: what is still to pay after earlier (part) payments.

                    **Idempotent**: the `Idempotency-Key` header is required, and bound to the first request that \
                    uses it, whatever its answer. Repeating a request with the same key and the same body returns \
                    the first answer, status and body (with `Idempotent-Replayed: true`), and never sends a second \
                    prompt; the same key with another body is refused with 422; while the first request is still \
                    being handled, a repeat gets 409 `request-in-progress` with `Retry-After: 1`. Use a new key (e.g. \
                    a UUID) for each new payment request.

                    A 202 whose payment has no `checkout_request_id` means the push went out but M-PESA has not \
                    confirmed it yet (a prompt may be on the phone): no second prompt is sent for this invoice until \
                    that attempt is resolved by M-PESA's callback, a status query or the reconciler.""")
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = InitiateStkPushRequest.class),
            examples = @ExampleObject(name = "pay an invoice", value = ApiDocs.STK_REQUEST)))
    @APIResponse(responseCode = "202", description = "The prompt is on its way to the customer's phone; without a "
            + "`checkout_request_id`, M-PESA has not confirmed it yet and no second prompt is sent until it resolves.",
            headers = @Header(name = REPLAYED, description = "true when this repeats an earlier request's answer.",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = PaymentJson.class),
                    examples = {
                            @ExampleObject(name = "initiated", value = ApiDocs.PAYMENT),
                            @ExampleObject(name = "awaiting M-PESA", value = ApiDocs.PAYMENT_AWAITING)}))
    @APIResponse(responseCode = "400", description = "No or a malformed Idempotency-Key, or a bad body.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "no Idempotency-Key", value = ApiDocs.MISSING_KEY)))
    @APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
    @APIResponse(responseCode = "404", description = "No such invoice.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "invoice-not-found", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A prompt for this invoice is open, the invoice is paid or "
            + "cancelled, another prompt is open on the customer's phone, or the first request with this "
            + "Idempotency-Key is still being handled (then with Retry-After).",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "request-in-progress only: seconds.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "payment-in-flight", value = ApiDocs.IN_FLIGHT),
                            @ExampleObject(name = "invoice-already-paid", value = ApiDocs.ALREADY_PAID),
                            @ExampleObject(name = "invoice-cancelled", value = ApiDocs.CANCELLED_PROBLEM),
                            @ExampleObject(name = "payer-busy", value = ApiDocs.PAYER_BUSY),
                            @ExampleObject(name = "request-in-progress", value = ApiDocs.IN_PROGRESS)}))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = {
                            @ExampleObject(name = "idempotency-key-reused", value = ApiDocs.KEY_REUSED_BODY),
                            @ExampleObject(name = "key used for another invoice", value = ApiDocs.KEY_REUSED)}))
    @APIResponse(responseCode = "429", description = "The last attempt failed moments ago; see Retry-After.",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds until a new attempt is allowed.",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-cooling-down", value = ApiDocs.COOLING_DOWN)))
    @APIResponse(responseCode = "502", description = "M-PESA refused the request for good (configuration).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-gateway-rejected", value = ApiDocs.GATEWAY_REJECTED)))
    @APIResponse(responseCode = "503", description = "M-PESA is not taking requests now; see Retry-After.",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "payment-gateway-unavailable",
                            value = ApiDocs.GATEWAY_UNAVAILABLE)))
    public Response initiate(
            @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = true,
                    description = "A unique value per payment request, 1–195 visible ASCII characters (e.g. a UUID); "
                            + "repeat it to retry safely.", example = "3f2b8c1e-5d7a-4e0b-9a61-2c4d8e9f0a1b")
            @HeaderParam(IDEMPOTENCY_KEY) String key,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        IdempotentEndpoint.Key checked = IdempotentEndpoint.requiredKey(key,
                "Required: a unique value per payment request (e.g. a UUID); repeat it to retry safely.");
        return idempotent.answer(IdempotentEndpoint.Scope.STK_INITIATE, Optional.of(checked),
                IdempotentEndpoint.fingerprint(body), () -> initiate(checked.forUseCase(), contentType, body));
    }

    private Response initiate(IdempotencyKey idempotencyKey, String contentType, byte[] body) {
        InvoiceRequests.StkPush push = InvoiceRequests.stkPush(
                ApiJson.object(contentType, body, InvoiceRequests.STK_MEMBERS));
        InvoiceId invoiceId = push.invoiceId();
        RequestPaymentOutcome outcome = requestPayment.requestPayment(
                new RequestPaymentCommand(new RequestPaymentCommand.InvoiceRef.ById(invoiceId), Optional.empty(),
                        idempotencyKey, push.payFrom()));
        LOG.infof("STK push for %s requested through the API: %s", invoiceId, outcome.getClass().getSimpleName());
        Instant now = clock.instant();
        return switch (outcome) {
            case RequestPaymentOutcome.Initiated initiated -> accepted(initiated.payment(), initiated.replayed());
            // the push went out without a clear answer: the attempt stays in flight, and blocks a second prompt
            case RequestPaymentOutcome.AwaitingMpesa awaiting -> accepted(awaiting.payment(), false);
            case RequestPaymentOutcome.AlreadyInFlight inFlight -> Problems.of(ProblemType.PAYMENT_IN_FLIGHT,
                    "An M-PESA prompt for invoice " + invoiceId + " is open on the customer's phone (payment "
                            + inFlight.current().id() + "); wait for it to end.");
            case RequestPaymentOutcome.AlreadyPaid paid -> Problems.of(ProblemType.INVOICE_ALREADY_PAID,
                    "Invoice " + invoiceId + " is paid.");
            case RequestPaymentOutcome.NotYourInvoice notYours -> Problems.of(ProblemType.NOT_YOUR_INVOICE,
                    "Only the invoiced customer's number can be asked to pay invoice " + invoiceId + ".");
            case RequestPaymentOutcome.NotPayable notPayable -> Problems.of(ProblemType.INVOICE_CANCELLED,
                    "Invoice " + invoiceId + " is cancelled: it cannot be paid.");
            case RequestPaymentOutcome.CoolingDown coolingDown -> Problems.retryLater(ProblemType.PAYMENT_COOLING_DOWN,
                    "The last M-PESA prompt for " + invoiceId + " ended moments ago; a new one can be sent after "
                            + coolingDown.until() + ".", now, coolingDown.until());
            case RequestPaymentOutcome.InvoiceNotFound notFound -> InvoicesResource.notFound(invoiceId);
            case RequestPaymentOutcome.PayerBusy busy -> Problems.of(ProblemType.PAYER_BUSY, "M-PESA says another "
                    + "prompt is open on the customer's phone; ask them to finish or close it, then try again.");
            case RequestPaymentOutcome.GatewayUnavailable unavailable -> Problems.retryLater(
                    ProblemType.PAYMENT_GATEWAY_UNAVAILABLE, "M-PESA did not take the request now; try again later.",
                    now, now.plus(GATEWAY_RETRY_AFTER));
            case RequestPaymentOutcome.GatewayRejected rejected -> Problems.of(ProblemType.PAYMENT_GATEWAY_REJECTED,
                    "M-PESA refused the request; an operator must check the M-PESA settings.");
            case RequestPaymentOutcome.KeyReused reused -> Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a payment of another invoice; use a new key for a new request.");
        };
    }

    private static Response accepted(Payment payment, boolean replayed) {
        return Response.accepted()
                .type(JSON)
                .header(REPLAYED, replayed)
                .entity(ApiJson.write(PaymentJson.of(payment)))
                .build();
    }
}
