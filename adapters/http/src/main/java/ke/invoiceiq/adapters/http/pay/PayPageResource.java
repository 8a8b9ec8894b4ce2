package ke.invoiceiq.adapters.http.pay;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import ke.invoiceiq.application.payment.PayLinkView;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.Parsed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The customer's pay page: {@code GET /pay/{payToken}} shows the invoice, {@code POST /pay/{payToken}} presses
 * "Pay with M-PESA". Server-rendered HTML (Qute), no JavaScript; the token of the pay link is the only key.
 *
 * <ul>
 * <li><b>GET</b>: business name, invoice #, amount, description and state. PENDING, SENT and FAILED (the
 * invoice could not be delivered, which does not stop its payment) offer the form, unless a prompt is open (or
 * M-PESA has not confirmed one yet): then the page says "check your phone" and reloads itself every
 * {@value PayPage#REFRESH_SECONDS} s (a {@code <meta http-equiv="refresh">}) until M-PESA has answered. A partly
 * paid invoice shows what was received and what is still to pay; the button asks for the balance. PAID shows the
 * M-PESA receipt; CANCELLED says there is nothing to pay. A failed attempt is explained in the bot's words, with
 * the cooldown left; one M-PESA never answered about says not to pay again if the money left the account.</li>
 * <li><b>POST</b>: {@link RequestPaymentUseCase} with the invoice named by its token and no payer, so the prompt
 * goes to the invoiced number, or to the number typed in the optional "pay from another phone" field (read by
 * {@link Msisdn#parse}, every form the chat accepts; a number it refuses gets the page again, 422, with the reason and
 * the number as typed, and nothing is sent). The invoice's own limits hold whichever number is prompted: one attempt
 * in flight, the cooldown after a failure. The form's hidden nonce, fresh on every render, makes the idempotency key
 * ({@link PayNonces}): a double-submitted form raises one push. The answer is a 303 to the page with a flag
 * ({@link PayNotice}) that words the outcome (Post/Redirect/Get: a reload never resubmits).</li>
 * <li>An unknown token and a malformed one get the same 404 page, on GET and POST alike; a malformed one is
 * not looked up.</li>
 * <li>Every answer carries {@code Cache-Control: no-store}, {@code Referrer-Policy: no-referrer} (the token is in
 * the URL), {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code X-Robots-Tag: noindex}
 * and a Content-Security-Policy that allows nothing but the page's own inline style (by a per-response nonce)
 * and forms posting back to this origin.</li>
 * <li>Never logged: the token, phone numbers, descriptions. Logged: the outcome of a press, with the invoice
 * id; failures with their exception type only.</li>
 * </ul>
 */
@Path("/pay")
@Singleton
@Tag(name = "Pay page", description = "The customer's public pay page (HTML), reached by the pay link's token")
public class PayPageResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String NOTICE = "r";
    static final String NONCE = "nonce";
    /** The language of a page that has no invoice to take it from: {@code ?lang=sw}. */
    static final String LANG = "lang";

    /** At most this much of a refused number is shown back in the field. */
    static final int MAX_TYPED = 40;

    /** 422: the form was understood, but its number is not one M-PESA can prompt (JAX-RS names no constant). */
    private static final int UNPROCESSABLE = 422;

    private static final Logger LOG = Logger.getLogger(PayPageResource.class);

    private final ViewPayLinkUseCase pages;
    private final RequestPaymentUseCase payments;
    private final String businessName;
    private final Optional<String> paybill;

    @Inject
    public PayPageResource(ViewPayLinkUseCase pages, RequestPaymentUseCase payments, MerchantSettings merchant) {
        this.pages = pages;
        this.payments = payments;
        this.businessName = merchant.businessName();
        this.paybill = merchant.paybill();
    }

    /** {@code /pay} without a token: the page of a link that leads nowhere. */
    @GET
    @Operation(hidden = true)
    public Response noToken() {
        return notFound();
    }

    @GET
    @Path("{payToken}")
    @Operation(summary = "The pay page of one invoice (HTML)",
            description = "Shows the invoice and its payment state; 404 page for an unknown or malformed token.")
    public Response show(@PathParam("payToken") String raw, @QueryParam(NOTICE) String notice,
            @QueryParam(LANG) String lang) {
        PayWords words = new PayWords(Language.fromTag(lang).orElse(Language.EN));
        Optional<PayToken> token = token(raw);
        if (token.isEmpty()) {
            return notFound(words);
        }
        Optional<PayLinkView> view;
        try {
            view = pages.view(token.get());
        } catch (RuntimeException e) {
            return unavailable(e, "showing a pay page", words);
        }
        if (view.isEmpty()) {
            return notFound(words);
        }
        PayPage page = PayPage.of(view.get(), PayNotice.parse(notice), businessName, paybill, token.get().value(),
                PayNonces.fresh());
        String cspNonce = PayNonces.fresh();
        return html(Response.Status.OK, PayTemplates.page(page, cspNonce), cspNonce);
    }

    @POST
    @Path("{payToken}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Pay with M-PESA (the pay page's form)",
            description = "Starts the STK push to the invoiced number, or to another Kenyan number typed in the"
                    + " form's optional `phone` field, then 303 back to the page. The form's nonce makes a"
                    + " resubmitted form raise no second push. A number that is not a Kenyan mobile number is"
                    + " answered with the page again (422), the number kept as typed and nothing sent.")
    public Response pay(@PathParam("payToken") String raw, @FormParam(NONCE) String nonce,
            @FormParam(PayPage.OTHER_PHONE_FIELD) String phone) {
        Optional<PayToken> token = token(raw);
        if (token.isEmpty()) {
            return notFound();
        }
        String formNonce = PayNonces.validOrFresh(nonce);
        Optional<Msisdn> payFrom = Optional.empty();
        if (phone != null && !phone.isBlank()) {
            switch (Msisdn.parse(phone)) {
                case Parsed.Ok<Msisdn> ok -> payFrom = Optional.of(ok.value());
                case Parsed.Rejected<Msisdn> rejected -> {
                    return otherPhoneRefused(token.get(), phone, formNonce);
                }
            }
        }
        var command = new RequestPaymentCommand(new RequestPaymentCommand.InvoiceRef.ByPayToken(token.get()),
                Optional.empty(), PayNonces.key(token.get(), formNonce), payFrom);
        RequestPaymentOutcome outcome;
        try {
            outcome = payments.requestPayment(command);
        } catch (RuntimeException e) {
            return unavailable(e, "requesting a payment from a pay page");
        }
        if (outcome instanceof RequestPaymentOutcome.InvoiceNotFound) {
            LOG.info("pay page: payment requested through an unknown pay link");
            return notFound();
        }
        PayNotice flag = PayNotice.of(outcome);
        LOG.infof("pay page: payment requested for an invoice%s: %s", payFrom.isPresent() ? " from another phone" : "",
                describe(outcome));
        // relative to /pay/{token}, so it holds behind a proxy or a path prefix, and keeps the scheme of the page
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", token.get().value() + "?" + NOTICE + "=" + flag.code())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The page again, as it stands, with the other-phone field refused and kept as typed (at most
     * {@value #MAX_TYPED} characters of it) and the same nonce: nothing was sent, and pressing again after fixing the
     * number is the same request. 422: the form was understood, the number is not one M-PESA can prompt.
     */
    private Response otherPhoneRefused(PayToken token, String typed, String formNonce) {
        Optional<PayLinkView> view;
        try {
            view = pages.view(token);
        } catch (RuntimeException e) {
            return unavailable(e, "showing a pay page");
        }
        if (view.isEmpty()) {
            return notFound();
        }
        LOG.info("pay page: another phone was refused as not a Kenyan mobile number");
        String kept = typed.strip();
        kept = kept.codePointCount(0, kept.length()) > MAX_TYPED
                ? kept.substring(0, kept.offsetByCodePoints(0, MAX_TYPED)) : kept;
        PayPage page = PayPage.of(view.get(), PayNotice.NONE, businessName, paybill, token.value(), formNonce)
                .otherPhoneRefused(kept, CashPhrases.OTHER_PHONE_INVALID.in(view.get().invoice().language()).text());
        String cspNonce = PayNonces.fresh();
        return html(UNPROCESSABLE, PayTemplates.page(page, cspNonce), cspNonce);
    }

    private static Optional<PayToken> token(String raw) {
        try {
            return Optional.of(new PayToken(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(RequestPaymentOutcome outcome) {
        String id = switch (outcome) {
            case RequestPaymentOutcome.Initiated i -> i.invoice().id().value();
            case RequestPaymentOutcome.AwaitingMpesa a -> a.invoice().id().value();
            case RequestPaymentOutcome.AlreadyInFlight a -> a.invoice().id().value();
            case RequestPaymentOutcome.AlreadyPaid p -> p.invoice().id().value();
            case RequestPaymentOutcome.NotYourInvoice n -> n.invoice().id().value();
            case RequestPaymentOutcome.NotPayable n -> n.invoice().id().value();
            case RequestPaymentOutcome.CoolingDown c -> c.invoice().id().value();
            case RequestPaymentOutcome.PayerBusy b -> b.invoice().id().value();
            case RequestPaymentOutcome.GatewayUnavailable g -> g.invoice().id().value();
            case RequestPaymentOutcome.GatewayRejected g -> g.invoice().id().value();
            case RequestPaymentOutcome.InvoiceNotFound n -> "unknown";
            case RequestPaymentOutcome.KeyReused k -> "unknown";
        };
        boolean replayed = outcome instanceof RequestPaymentOutcome.Initiated i && i.replayed();
        return id + " " + outcome.getClass().getSimpleName() + (replayed ? " (repeated form)" : "");
    }

    private Response notFound() {
        return notFound(new PayWords(Language.EN));
    }

    private Response notFound(PayWords words) {
        String cspNonce = PayNonces.fresh();
        return html(Response.Status.NOT_FOUND, PayTemplates.notFound(businessName, words, cspNonce), cspNonce);
    }

    private Response unavailable(RuntimeException e, String doing) {
        return unavailable(e, doing, new PayWords(Language.EN));
    }

    private Response unavailable(RuntimeException e, String doing, PayWords words) {
        LOG.errorf("pay page: %s failed: %s", doing, e.getClass().getName());
        String cspNonce = PayNonces.fresh();
        return html(Response.Status.SERVICE_UNAVAILABLE, PayTemplates.unavailable(businessName, words, cspNonce),
                cspNonce);
    }

    private static Response html(Response.Status status, TemplateInstance template, String cspNonce) {
        return html(status.getStatusCode(), template, cspNonce);
    }

    private static Response html(int status, TemplateInstance template, String cspNonce) {
        return Response.status(status)
                .type(HTML)
                .entity(template.render())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Content-Security-Policy", csp(cspNonce))
                .build();
    }

    static String csp(String styleNonce) {
        return "default-src 'none'; style-src 'nonce-" + styleNonce + "'; img-src 'none'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'";
    }
}
