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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ke.invoiceiq.application.payment.RecordOutcome;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.settings.RotatingSecret;
import ke.invoiceiq.domain.payment.PaymentResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Daraja STK callback, {@code POST /payments/stk/callback/{token}} (docs/daraja.md). The
 * {@code CallBackURL} sent with every STK push ends in the secret token; Daraja does not sign callbacks, so the
 * token is the authentication.
 *
 * <ol>
 * <li><b>Token</b>: {@code {token}} must equal {@code MPESA_CALLBACK_TOKEN} or, while it is being changed,
 * {@code MPESA_CALLBACK_TOKEN_NEXT} (docs/RUNBOOK.md, "Rotating secrets"): the {@link RotatingSecret} named
 * {@value #TOKEN}, which the bootstrap module produces, compared in constant time ({@link RotatingSecret#matches}).
 * Wrong, missing ({@code POST /payments/stk/callback}), or no token configured → <b>401</b>, empty body,
 * the body is not even read, nothing is handed on; the log says only that (never the token).</li>
 * <li><b>Source</b> (optional, {@link CallbackSourcePolicy}): with {@code mpesa.callback.ip-allowlist.enabled=true}
 * the caller's address, read as {@code mpesa.callback.client-address} says (the peer address by default,
 * {@code Fly-Client-IP}, or the {@code X-Forwarded-For} entry {@code mpesa.callback.trusted-proxy-hops} from the
 * right), must be one of Safaricom's published addresses ({@code mpesa.callback.ip-allowlist.addresses} to
 * override) → else <b>403</b>.</li>
 * <li><b>Size</b>: a body over {@value #MAX_BODY_BYTES} bytes → <b>413</b> (a real callback is under 1 KB).</li>
 * <li><b>Parse</b> ({@link StkCallbackParser}). A body that has no usable CheckoutRequestID or ResultCode is
 * answered <b>200</b> {@code {"ResultCode":0,"ResultDesc":"Accepted"}} with a warning in the log (the reason and
 * size only, never the payload or a phone number) and nothing is handed on: Daraja does not retry callbacks
 * (docs/daraja.md), so an error status buys nothing but noise in Safaricom's logs, and a payload without its
 * CheckoutRequestID could not be tied to a payment anyway. The attempt it belonged to is settled by the
 * reconciler's STK query.</li>
 * <li><b>Store, then apply</b>: {@link RecordPaymentResultUseCase#record} is called <b>synchronously, before the
 * answer</b>, with the body exactly as it arrived. It first keeps the result and that raw body in the
 * {@code PaymentResultInbox} in a transaction of its own (the same result told twice is kept once; a different
 * one for the same CheckoutRequestID is kept beside it) and only then applies it in a second one, so "store
 * first" holds however this adapter
 * calls it. This adapter deliberately does not split the two itself (inbox port here, {@code applyStored} on a
 * worker): that would copy the use case's de-duplication rule and transaction boundaries into an adapter, and
 * buy little, because applying is local database work (customer and merchant messages are only queued in the
 * outbox; nothing calls a provider on this thread). Being synchronous also means the answer is only given
 * once the result is durably kept.</li>
 * <li><b>Answer</b>: <b>200</b> {@code {"ResultCode":0,"ResultDesc":"Accepted"}} for every outcome:
 * {@code Settled}, {@code Kept} (an early callback whose attempt is not known yet: the STK response or the
 * reconciler applies it later, or raises its money as an unmatched payment), {@code Unmatched} and
 * {@code Duplicate} (the use case de-duplicates; this adapter hands every authenticated callback on, unchanged).
 * </li>
 * <li>Should the use case throw (the database is down), the answer is <b>503</b> and the error is logged with
 * its exception type only. Whether the result was kept is then unknown: if it was, the reconciler applies it
 * from the inbox; if not, the reconciler's STK query settles the attempt (without the receipt).</li>
 * </ol>
 * Logged: CheckoutRequestID, result code and outcome at INFO; the receipt at DEBUG; never the phone number, the
 * payload or the token.
 */
@Path("/payments/stk/callback")
@Singleton
public class StkCallbackResource {

    /** Far above any real callback (well under 1 KB); bounds what is read into memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The name of the {@link RotatingSecret} the callback token is injected as. */
    public static final String TOKEN = "mpesa.callback-token";

    static final String ACCEPTED = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";

    private static final Logger LOG = Logger.getLogger(StkCallbackResource.class);

    private final RotatingSecret token;
    private final CallbackSourcePolicy sources;
    private final StkCallbackParser parser;
    private final RecordPaymentResultUseCase payments;
    private final Clock clock;

    @Inject
    public StkCallbackResource(@Named(TOKEN) RotatingSecret token,
            @ConfigProperty(name = "mpesa.callback.ip-allowlist.enabled", defaultValue = "false") boolean allowlist,
            @ConfigProperty(name = "mpesa.callback.client-address") Optional<String> clientAddress,
            @ConfigProperty(name = "mpesa.callback.trusted-proxy-hops", defaultValue = "1") int trustedProxyHops,
            @ConfigProperty(name = "mpesa.callback.trust-forwarded-for", defaultValue = "false") boolean trustXff,
            @ConfigProperty(name = "mpesa.callback.ip-allowlist.addresses") Optional<List<String>> addresses,
            ObjectMapper json, RecordPaymentResultUseCase payments) {
        this.token = token;
        this.sources = new CallbackSourcePolicy(allowlist,
                CallbackSourcePolicy.ClientAddress.configured(clientAddress, trustXff), trustedProxyHops,
                addresses.orElse(CallbackSourcePolicy.SAFARICOM_CALLBACK_IPS));
        if (trustXff) {
            LOG.warn("mpesa.callback.trust-forwarded-for is replaced by mpesa.callback.client-address"
                    + " (docs/configuration.md); without that, it now means x-forwarded-for: the entry the trusted"
                    + " proxy appended (the last one) counts, no longer the first");
        }
        this.parser = new StkCallbackParser(json);
        this.payments = payments;
        this.clock = Clock.systemUTC();
        if (!token.configured()) {
            LOG.warn("mpesa.callback-token is not set: every STK callback will be refused with 401");
        }
    }

    /** No token in the path at all. */
    @POST
    public Response withoutToken() {
        LOG.warn("refused an STK callback: no token in the path");
        return Response.status(Response.Status.UNAUTHORIZED).build();
    }

    @POST
    @Path("{token}")
    public Response receive(@PathParam("token") String presented,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context HttpServerRequest request,
            InputStream body) throws IOException {
        if (!token.matches(presented)) {
            LOG.warnf("refused an STK callback: %s",
                    token.configured() ? "wrong token" : "no callback token configured");
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        if (sources.enabled()) {
            Optional<String> peer = Optional.ofNullable(request).map(HttpServerRequest::remoteAddress)
                    .map(SocketAddress::hostAddress);
            Function<String, List<String>> headers =
                    name -> request == null ? List.of() : request.headers().getAll(name);
            if (!sources.permits(peer, headers)) {
                // a source address is not personal data of a payer: it is logged to diagnose proxy settings
                LOG.warnf("refused an STK callback from %s: not on the allowlist",
                        sources.source(peer, headers).orElse("an unknown address"));
                return Response.status(Response.Status.FORBIDDEN).build();
            }
        }
        if (declaredTooLarge(contentLength)) {
            return tooLarge();
        }
        byte[] raw = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        PaymentResult result;
        try {
            result = parser.parse(raw, clock.instant());
        } catch (MalformedCallbackException e) {
            LOG.warnf("acknowledged an STK callback that could not be read (%s, %d bytes); nothing handed on,"
                    + " the reconciler's query settles its attempt", e.getMessage(), raw.length);
            return accepted();
        }
        RecordOutcome outcome;
        try {
            outcome = payments.record(result, Optional.of(new String(raw, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            LOG.errorf("could not record the STK callback for %s (%s); answered 503, the reconciler settles it",
                    result.checkoutRequestId(), e.getClass().getName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        LOG.infof("STK callback for %s: result code %d, %s", result.checkoutRequestId(), result.result().code(),
                outcome.getClass().getSimpleName());
        if (LOG.isDebugEnabled() && result.receipt().isPresent()) {
            LOG.debugf("STK callback for %s carried receipt %s", result.checkoutRequestId(), result.receipt().get());
        }
        return accepted();
    }

    private static Response accepted() {
        return Response.ok(ACCEPTED, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean declaredTooLarge(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // the actual length is checked while reading
        }
    }

    private static Response tooLarge() {
        LOG.warn("refused an STK callback over 64 KB");
        return Response.status(413).build();
    }
}
