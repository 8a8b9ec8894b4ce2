package ke.invoiceiq.adapters.daraja.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ke.invoiceiq.application.payment.C2bOutcome;
import ke.invoiceiq.application.payment.C2bValidation;
import ke.invoiceiq.application.payment.RecordC2bPaymentUseCase;
import ke.invoiceiq.application.settings.RotatingSecret;
import ke.invoiceiq.domain.payment.C2bPayment;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Daraja C2B: money paid to the merchant's Paybill or Till from the M-PESA menu (docs/daraja.md, "C2B: Paybill and
 * Till"). {@code POST /payments/c2b/confirmation/{token}} and {@code POST /payments/c2b/validation/{token}}, the URLs
 * registered with the C2B register URL API. Guarded exactly as the STK callback ({@link StkCallbackResource}): the
 * same secret token ({@code MPESA_CALLBACK_TOKEN}, or {@code _NEXT} while it rotates) compared in constant time,
 * then the same optional source-address policy ({@link CallbackSourcePolicy}, the {@code mpesa.callback.*} keys),
 * then a 64 KB body limit.
 *
 * <ul>
 * <li><b>Confirmation</b>: parsed ({@link C2bCallbackParser}), then {@link RecordC2bPaymentUseCase#confirm}, which
 * keeps the payment durably (by TransID, once) <b>before</b> this answers, and applies it.
 * {@code {"ResultCode":0,"ResultDesc":"Accepted"}} for every outcome, a repeat included; <b>503</b> when it could not
 * be kept (the database is down), so that Safaricom may tell it again. A body that cannot be read is acknowledged
 * and logged (reason and size only): nothing could be kept of it anyway.</li>
 * <li><b>Validation</b> (Safaricom sends it only when external validation is switched on for the short code):
 * {@link RecordC2bPaymentUseCase#validate} decides; accepted is {@code {"ResultCode":"0","ResultDesc":"Accepted"}},
 * an account number naming no open invoice is {@code {"ResultCode":"C2B00012","ResultDesc":"Rejected"}} (Safaricom's
 * "invalid account number"), so the customer's money is not taken. An unreadable request, or an error of ours, is
 * accepted: refusing then would turn our fault into the customer's failed payment, and a confirmation still comes.</li>
 * </ul>
 * Logged: TransID, kind and outcome; never the payer's number or names, the payload or the token.
 */
@Path("/payments/c2b")
@Singleton
public class C2bCallbackResource {

    static final String ACCEPTED = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";
    static final String VALIDATION_ACCEPTED = "{\"ResultCode\":\"0\",\"ResultDesc\":\"Accepted\"}";
    /** Safaricom's code for "invalid account number". */
    static final String INVALID_ACCOUNT = "C2B00012";
    static final String VALIDATION_REJECTED = "{\"ResultCode\":\"" + INVALID_ACCOUNT + "\",\"ResultDesc\":\"Rejected\"}";

    private static final Logger LOG = Logger.getLogger(C2bCallbackResource.class);

    private final RotatingSecret token;
    private final CallbackSourcePolicy sources;
    private final C2bCallbackParser parser;
    private final RecordC2bPaymentUseCase payments;
    private final Clock clock;

    @Inject
    public C2bCallbackResource(@Named(StkCallbackResource.TOKEN) RotatingSecret token,
            @ConfigProperty(name = "mpesa.callback.ip-allowlist.enabled", defaultValue = "false") boolean allowlist,
            @ConfigProperty(name = "mpesa.callback.client-address") Optional<String> clientAddress,
            @ConfigProperty(name = "mpesa.callback.trusted-proxy-hops", defaultValue = "1") int trustedProxyHops,
            @ConfigProperty(name = "mpesa.callback.trust-forwarded-for", defaultValue = "false") boolean trustXff,
            @ConfigProperty(name = "mpesa.callback.ip-allowlist.addresses") Optional<List<String>> addresses,
            ObjectMapper json, RecordC2bPaymentUseCase payments) {
        this.token = token;
        this.sources = new CallbackSourcePolicy(allowlist,
                CallbackSourcePolicy.ClientAddress.configured(clientAddress, trustXff), trustedProxyHops,
                addresses.orElse(CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS));
        this.parser = new C2bCallbackParser(json);
        this.payments = payments;
        this.clock = Clock.systemUTC();
    }

    /** No token in the path at all. */
    @POST
    @Path("confirmation")
    public Response confirmationWithoutToken() {
        LOG.warn("refused a C2B confirmation: no token in the path");
        return Response.status(Response.Status.UNAUTHORIZED).build();
    }

    /** No token in the path at all. */
    @POST
    @Path("validation")
    public Response validationWithoutToken() {
        LOG.warn("refused a C2B validation: no token in the path");
        return Response.status(Response.Status.UNAUTHORIZED).build();
    }

    @POST
    @Path("confirmation/{token}")
    public Response confirmation(@PathParam("token") String presented,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context HttpServerRequest request,
            InputStream body) throws IOException {
        Optional<Response> refused = guard("confirmation", presented, contentLength, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] raw = body == null ? new byte[0] : body.readNBytes(StkCallbackResource.MAX_BODY_BYTES + 1);
        if (raw.length > StkCallbackResource.MAX_BODY_BYTES) {
            return tooLarge();
        }
        C2bPayment payment;
        try {
            payment = parser.parse(raw, clock.instant());
        } catch (MalformedCallbackException e) {
            LOG.warnf("acknowledged a C2B confirmation that could not be read (%s, %d bytes); nothing kept",
                    e.getMessage(), raw.length);
            return json(ACCEPTED);
        }
        C2bOutcome outcome;
        try {
            outcome = payments.confirm(payment);
        } catch (RuntimeException e) {
            LOG.errorf("could not keep C2B payment %s (%s); answered 503", payment.receipt(), e.getClass().getName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        LOG.infof("C2B confirmation %s (%s): %s", payment.receipt(), payment.kind(),
                outcome.getClass().getSimpleName());
        return json(ACCEPTED);
    }

    @POST
    @Path("validation/{token}")
    public Response validation(@PathParam("token") String presented,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context HttpServerRequest request,
            InputStream body) throws IOException {
        Optional<Response> refused = guard("validation", presented, contentLength, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] raw = body == null ? new byte[0] : body.readNBytes(StkCallbackResource.MAX_BODY_BYTES + 1);
        if (raw.length > StkCallbackResource.MAX_BODY_BYTES) {
            return tooLarge();
        }
        C2bPayment payment;
        try {
            payment = parser.parse(raw, clock.instant());
        } catch (MalformedCallbackException e) {
            LOG.warnf("accepted a C2B validation that could not be read (%s, %d bytes)", e.getMessage(), raw.length);
            return json(VALIDATION_ACCEPTED);
        }
        C2bValidation answer;
        try {
            answer = payments.validate(payment);
        } catch (RuntimeException e) {
            LOG.errorf("could not validate C2B payment %s (%s); accepted", payment.receipt(),
                    e.getClass().getName());
            return json(VALIDATION_ACCEPTED);
        }
        LOG.infof("C2B validation %s (%s): %s", payment.receipt(), payment.kind(), answer);
        return json(answer == C2bValidation.ACCEPT ? VALIDATION_ACCEPTED : VALIDATION_REJECTED);
    }

    private Optional<Response> guard(String what, String presented, String contentLength,
            HttpServerRequest request) {
        if (!token.matches(presented)) {
            LOG.warnf("refused a C2B %s: %s", what, token.configured() ? "wrong token" : "no callback token configured");
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED).build());
        }
        if (sources.enabled()) {
            Optional<String> peer = Optional.ofNullable(request).map(HttpServerRequest::remoteAddress)
                    .map(SocketAddress::hostAddress);
            Function<String, List<String>> headers =
                    name -> request == null ? List.of() : request.headers().getAll(name);
            if (!sources.permits(peer, headers)) {
                LOG.warnf("refused a C2B %s from %s: not on the allowlist", what,
                        sources.source(peer, headers).orElse("an unknown address"));
                return Optional.of(Response.status(Response.Status.FORBIDDEN).build());
            }
        }
        if (declaredTooLarge(contentLength)) {
            return Optional.of(tooLarge());
        }
        return Optional.empty();
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean declaredTooLarge(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > StkCallbackResource.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Response tooLarge() {
        LOG.warn("refused a C2B request over 64 KB");
        return Response.status(413).build();
    }
}
