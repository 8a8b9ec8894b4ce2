package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryOutcome;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.application.settings.RotatingSecret;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.shared.Parsed;
import org.jboss.logging.Logger;

/**
 * Africa's Talking's two SMS callbacks (docs/sms.md), form-encoded, each URL ending in the secret token. Africa's
 * Talking neither signs its callbacks nor publishes its source addresses, so that token is the authentication: it
 * must equal {@code SMS_CALLBACK_TOKEN} or, while it is being changed, {@code SMS_CALLBACK_TOKEN_NEXT}
 * (docs/RUNBOOK.md, "Rotating secrets"), the {@link RotatingSecret} named {@value #TOKEN} that the bootstrap
 * module produces, compared in constant time on UTF-8 bytes:
 *
 * <ul>
 * <li>{@code POST /sms/status/{token}}: a delivery report ({@code id}, {@code status}, {@code failureReason};
 * {@code phoneNumber}, {@code networkCode} and {@code retryCount} are not read: the id ties the report to our
 * message). The status is mapped by {@link DeliveryStatuses} and handed to {@link RecordDeliveryStatusUseCase}
 * with the time it arrived.</li>
 * <li>{@code POST /sms/inbound/{token}}: an SMS to our shortcode ({@code id}, {@code from}, {@code text},
 * {@code date}; {@code to}, {@code linkId}, {@code networkCode} and {@code cost} are not read), handed to
 * {@link HandleInboundMessageUseCase} as provider {@value #PROVIDER}. Redeliveries are handed on unchanged: the
 * use case de-duplicates by provider and id.</li>
 * </ul>
 *
 * <p>An incoming SMS is handled before the answer, in up to {@value #TRIES} tries a moment apart: the use case
 * commits its de-duplication mark only with what the message changed, so a failed try leaves nothing behind and the
 * next one starts afresh. When every try failed, the sender is asked by SMS to send it again
 * ({@link HandleInboundMessageUseCase#giveUp}, which also marks the message and counts it), and AT gets its 200.
 *
 * <p>Answers: wrong, missing or unconfigured token → <b>401</b>, nothing else done; no {@code id} (or, for a
 * report, no {@code status}) → <b>400</b> with a short plain reason; a report the use case could not record, or an
 * SMS that could neither be handled nor answered (the database is down) → <b>503</b>, so AT may deliver it again
 * (nothing was marked, so a redelivery is handled); everything else, including an unknown status, a report for a
 * message we do not know and a sender that is not a Kenyan mobile number, → <b>200</b> at once: AT's retry behaviour
 * is not documented (docs/sms.md), so an error status would buy nothing.
 *
 * <p>Logs carry ids, AT's status words and outcomes only, cleaned by {@link Words}: never a phone number, the
 * message text or the token.
 */
@Path("/sms")
@Singleton
public class SmsCallbackResource {

    static final String PROVIDER = "africastalking";

    /** The name of the {@link RotatingSecret} the callback token is injected as. */
    public static final String TOKEN = "sms.callback-token";

    /** Tries to handle an incoming SMS before giving up on it; the pause after the first doubles each time. */
    static final int TRIES = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    private static final Logger LOG = Logger.getLogger(SmsCallbackResource.class);

    private final RotatingSecret token;
    private final RecordDeliveryStatusUseCase deliveries;
    private final HandleInboundMessageUseCase inbound;
    private final Clock clock;

    @Inject
    public SmsCallbackResource(@Named(TOKEN) RotatingSecret token,
            RecordDeliveryStatusUseCase deliveries, HandleInboundMessageUseCase inbound, Clock clock) {
        this.token = token;
        this.deliveries = deliveries;
        this.inbound = inbound;
        this.clock = clock;
        if (!token.configured()) {
            LOG.warn("sms.callback-token is not set: every SMS callback will be refused with 401");
        }
    }

    /** No token in the path at all. */
    @POST
    @Path("{kind: status|inbound}")
    public Response withoutToken() {
        LOG.warn("refused an SMS callback: no token in the path");
        return unauthorized();
    }

    @POST
    @Path("status/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Response deliveryReport(@PathParam("token") String presented, @FormParam("id") String id,
            @FormParam("status") String status, @FormParam("failureReason") String failureReason) {
        if (!token.matches(presented)) {
            return refused("delivery report");
        }
        if (isBlank(id)) {
            return badRequest("missing id");
        }
        if (isBlank(status)) {
            return badRequest("missing status");
        }
        Optional<DeliveryStatus> mapped = DeliveryStatuses.of(status);
        if (mapped.isEmpty()) {
            LOG.infof("SMS delivery report %s with unknown status %s: nothing recorded", Words.forLog(id),
                    Words.forLog(status));
            return ok();
        }
        DeliveryReport report = new DeliveryReport(Channel.SMS, id.strip(), mapped.get(),
                DeliveryStatuses.errorCode(status, failureReason), clock.instant());
        DeliveryOutcome outcome;
        try {
            outcome = deliveries.record(report);
        } catch (RuntimeException e) {
            LOG.errorf("could not record SMS delivery report %s (%s); answered 503", Words.forLog(id),
                    e.getClass().getName());
            return unavailable();
        }
        if (outcome instanceof DeliveryOutcome.Ignored) {
            LOG.infof("SMS delivery report for unknown message %s", Words.forLog(id));
        } else {
            LOG.debugf("SMS delivery report %s: %s, %s", Words.forLog(id), Words.forLog(status),
                    outcome.getClass().getSimpleName());
        }
        return ok();
    }

    @POST
    @Path("inbound/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Response incoming(@PathParam("token") String presented, @FormParam("id") String id,
            @FormParam("from") String from, @FormParam("text") String text, @FormParam("date") String date) {
        if (!token.matches(presented)) {
            return refused("incoming SMS");
        }
        if (isBlank(id)) {
            return badRequest("missing id");
        }
        Parsed<Msisdn> sender = Msisdn.parse(from);
        if (!(sender instanceof Parsed.Ok<Msisdn> ok)) {
            // an alphanumeric sender, a foreign number: nobody we could invoice or charge
            LOG.infof("incoming SMS %s from a sender that is not a Kenyan mobile number: ignored", Words.forLog(id));
            return ok();
        }
        InboundMessage message = new InboundMessage(PROVIDER, id.strip(), Channel.SMS, Optional.of(ok.value()),
                Optional.empty(), new InboundContent.Text(text == null ? "" : text),
                InboundDates.parse(date, clock.instant()));
        HandleInboundMessageOutcome outcome;
        try {
            outcome = handle(message);
        } catch (RuntimeException failed) {
            try {
                outcome = inbound.giveUp(message);
            } catch (RuntimeException e) {
                LOG.errorf("could not handle incoming SMS %s (%s) nor answer it (%s); answered 503", Words.forLog(id),
                        failed.getClass().getName(), e.getClass().getName());
                return unavailable();
            }
            LOG.errorf("could not handle incoming SMS %s in %d tries (%s); the sender was asked to send it again",
                    Words.forLog(id), TRIES, failed.getClass().getName());
        }
        LOG.infof("incoming SMS %s: %s", Words.forLog(id), outcome.getClass().getSimpleName());
        return ok();
    }

    /** Up to {@link #TRIES} tries; the last one's exception when none succeeded. */
    private HandleInboundMessageOutcome handle(InboundMessage message) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return inbound.handle(message);
            } catch (RuntimeException e) {
                if (attempt >= TRIES) {
                    throw e;
                }
                LOG.warnf("incoming SMS %s: try %d failed (%s); trying again",
                        Words.forLog(message.providerMessageId()), attempt, e.getClass().getName());
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between tries", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private Response refused(String what) {
        LOG.warnf("refused an SMS %s callback: %s", what,
                token.configured() ? "wrong token" : "no callback token configured");
        return unauthorized();
    }

    private static Response ok() {
        return Response.ok().build();
    }

    private static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED).build();
    }

    private static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE).entity(reason).build();
    }

    private static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
    }
}
