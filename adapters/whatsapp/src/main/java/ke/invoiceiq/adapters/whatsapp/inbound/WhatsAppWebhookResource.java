package ke.invoiceiq.adapters.whatsapp.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The WhatsApp Cloud API webhook (docs/whatsapp.md): Meta's subscription check and its signed event
 * deliveries.
 *
 * <h2>{@code GET /whatsapp/webhook}: verification</h2>
 * {@code hub.mode=subscribe} and a {@code hub.verify_token} equal to {@code WABA_VERIFY_TOKEN} or, while it is being
 * changed, {@code WABA_VERIFY_TOKEN_NEXT} (compared in constant time, {@link RotatingSecret#matches}) → 200
 * {@code text/plain} with the raw {@code hub.challenge}. Anything else (wrong or missing
 * token, mode or challenge, no token configured) → 403 with an empty body.
 *
 * <h2>{@code POST /whatsapp/webhook}: events</h2>
 * <ol>
 * <li>Size first: a {@code Content-Length} over 3 MB (Meta's documented maximum, {@value #MAX_BODY_BYTES} bytes), or
 * a body that turns out longer while it is read, → 413.</li>
 * <li>Then the signature, over the raw bytes exactly as received and before any parsing: {@code X-Hub-Signature-256}
 * must be {@code sha256=} + HMAC-SHA256(body, {@code WABA_APP_SECRET}) or, while it is being changed, the HMAC under
 * {@code WABA_APP_SECRET_NEXT} ({@link WebhookSignature}), compared in constant time. Missing, wrong, or no secret
 * configured → 401 and nothing is handed on.</li>
 * <li>Then the payload is parsed ({@link WebhookPayloadParser}). A validly signed body that is not JSON is answered
 * <b>200</b> with a warning in the log (never the payload) and nothing is handed on: Meta re-delivers every non-200
 * for up to 7 days (docs/whatsapp.md), and a body that does not parse now will not parse on the 50th try either.</li>
 * <li>The raw body is stored in the {@link WebhookInbox} (provider {@value #PROVIDER}, in a transaction of its own)
 * <b>before</b> the answer: acknowledge fast, but only what is kept. It is stored with the keys of its senders (so
 * each sender's webhooks are handled in order) and leased to this instance for a minute (so no sweeper takes it
 * from the dispatcher). Should storing fail (the database is down), the answer is 503 with {@code Retry-After},
 * nothing is handed on, and Meta delivers the webhook again later.</li>
 * <li>The stored webhook and its events are queued for the use cases ({@link WebhookDispatcher}) and the request is
 * answered 200 at once; processing and any outbound sends happen after the response, and the webhook is marked
 * processed after them (or failed, to be tried again). A full dispatcher changes nothing for Meta: the webhook is
 * stored, its lease is given back, and the sweeper takes it as soon as there is room.</li>
 * </ol>
 * A redelivered wamid is handed on again unchanged: de-duplication ({@code InboundEventLog.firstSeen}) and monotonic
 * statuses ({@code RecordDeliveryStatus}) are done by the use cases.
 *
 * <p><b>Durability:</b> a crash (or a shutdown that outlasts the short drain) between the acknowledgement and the
 * processing loses nothing: the webhook stays in the inbox unprocessed and {@link WebhookInboxSweeper} processes it
 * once its lease has passed. A crash after the use cases ran but before the webhook was marked processed makes it
 * run again, which is safe for the reasons above: processing is idempotent.
 *
 * <p>Both secrets are {@link RotatingSecret}s the bootstrap module produces, named {@value #VERIFY_TOKEN} and
 * {@value #APP_SECRET} (docs/RUNBOOK.md, "Rotating secrets").
 *
 * <p>Nothing from the payload is logged but event kinds, wamids and error codes: no phone number, no text, no
 * secret.
 */
@Path("/whatsapp/webhook")
@Singleton
public class WhatsAppWebhookResource {

    /** Meta's documented maximum webhook payload (docs/whatsapp.md). */
    static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);
    private static final String SUBSCRIBE = "subscribe";

    /** The provider name the webhooks are stored under. */
    static final String PROVIDER = "whatsapp";

    /** The name of the {@link RotatingSecret} the verify token is injected as. */
    public static final String VERIFY_TOKEN = "waba.verify-token";

    /** The name of the {@link RotatingSecret} the app secret is injected as. */
    public static final String APP_SECRET = "waba.app-secret";

    private final RotatingSecret verifyToken;
    private final RotatingSecret appSecret;
    private final WebhookPayloadParser parser;
    private final WebhookDispatcher dispatcher;
    private final WebhookInbox inbox;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public WhatsAppWebhookResource(@Named(VERIFY_TOKEN) RotatingSecret verifyToken,
            @Named(APP_SECRET) RotatingSecret appSecret,
            @ConfigProperty(name = "waba.phone-id") Optional<String> businessPhoneId, ObjectMapper json,
            WebhookDispatcher dispatcher, WebhookInbox inbox, Transactions transactions, Clock clock) {
        this.verifyToken = verifyToken;
        this.appSecret = appSecret;
        this.parser = new WebhookPayloadParser(json, businessPhoneId);
        this.dispatcher = dispatcher;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GET
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        boolean accepted = SUBSCRIBE.equals(mode) && challenge != null && verifyToken.matches(token);
        if (!accepted) {
            LOG.warn("refused a WhatsApp webhook verification");
            return Response.status(Response.Status.FORBIDDEN).build();
        }
        LOG.info("WhatsApp webhook verification accepted");
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    public Response receive(@HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) throws IOException {
        if (declaredTooLarge(contentLength)) {
            return tooLarge();
        }
        byte[] raw = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (!WebhookSignature.isValid(raw, Optional.ofNullable(signature), appSecret)) {
            LOG.warnf("refused a WhatsApp webhook: %s", signature == null ? "no signature"
                    : appSecret.configured() ? "wrong signature" : "no app secret configured");
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        Instant receivedAt = clock.instant();
        ParsedWebhook parsed;
        try {
            parsed = parser.parse(raw, receivedAt);
        } catch (MalformedWebhookException e) {
            LOG.warnf("acknowledged a signed WhatsApp webhook that could not be read (%s, %d bytes); nothing handed on",
                    e.getMessage(), raw.length);
            return Response.ok().build();
        }
        if (parsed.changesForOtherNumber() > 0 || parsed.skipped() > 0) {
            LOG.debugf("WhatsApp webhook: %d changes for another number, %d elements skipped",
                    parsed.changesForOtherNumber(), parsed.skipped());
        }
        Optional<String> correlationId = Optional.ofNullable(MDC.get(WebhookDispatcher.MDC_KEY))
                .map(Object::toString).filter(StoredWebhook::isValidCorrelationId);
        StoredWebhook stored;
        try {
            stored = transactions.inTransaction(() -> inbox.store(PROVIDER, raw, receivedAt, correlationId,
                    WebhookDispatcher.sendersOf(parsed.events()),
                    Optional.of(receivedAt.plus(WebhookInboxSweeper.LEASE))));
        } catch (RuntimeException e) {
            // the exception's message could quote the payload: log its type only
            LOG.errorf("could not store a WhatsApp webhook (%s); answered 503 so that Meta delivers it again",
                    e.getClass().getName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        dispatcher.submit(stored, parsed.events());
        return Response.ok().build();
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
        LOG.warn("refused a WhatsApp webhook over 3 MB");
        return Response.status(413).build();
    }
}
