package ke.invoiceiq.adapters.sandbox;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.sandbox.SandboxPaymentGateway.Answer;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.PaneView;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.Parsed;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The phone simulator: {@code GET /sandbox} (the page) and its small JSON API, which works without a browser too.
 * Exists only while the sandbox is on ({@link SandboxGuard}: 404 otherwise); hidden from the OpenAPI document.
 *
 * <table>
 * <caption>endpoints</caption>
 * <tr><th>request</th><th>does</th></tr>
 * <tr><td>{@code GET /sandbox?customer=2547…}</td><td>the page: the merchant's WhatsApp chat and the customer's
 * phone</td></tr>
 * <tr><td>{@code GET /sandbox/assets/sandbox.js}, {@code …/sandbox.css}</td><td>its script and style sheet</td></tr>
 * <tr><td>{@code GET /sandbox/api/state?customer=2547…}</td><td>both phones: messages (oldest first), the open
 * M-PESA prompt, a version that grows with every change</td></tr>
 * <tr><td>{@code POST /sandbox/api/merchant/messages {"text"}}</td><td>the merchant's WhatsApp text, as a signed
 * webhook</td></tr>
 * <tr><td>{@code POST /sandbox/api/merchant/taps {"buttonId"}}</td><td>the merchant taps a reply button</td></tr>
 * <tr><td>{@code POST /sandbox/api/customer/taps {"number","buttonId"}}</td><td>the customer taps a reply button
 * (Pay with M-PESA, View details)</td></tr>
 * <tr><td>{@code POST /sandbox/api/customer/whatsapp {"number","text"}}</td><td>the customer's WhatsApp
 * text</td></tr>
 * <tr><td>{@code POST /sandbox/api/customer/sms {"number","text"}}</td><td>the customer's SMS, as Africa's
 * Talking's form post</td></tr>
 * <tr><td>{@code POST /sandbox/api/stk/{CheckoutRequestID} {"action":"ok"|"cancel","pin"}}</td><td>answers the
 * M-PESA prompt; the callback follows</td></tr>
 * </table>
 *
 * Posts answer 202 with the message as the phone shows it (the service has acknowledged it; its answer comes
 * through the outbox). Errors are {@code {"error": "…"}}: 400 for input, 404 for no such prompt, 502 when the
 * service refused the simulated traffic, 503 when a secret the endpoint checks is not configured.
 *
 * <p>Native image: the request bodies ({@link Text}, {@link Tap}, …) are resource parameters, which Quarkus registers
 * for reflection by itself; the answers travel inside a {@link Response}, whose entity type Quarkus cannot see, so
 * {@link State}, {@link StkAnswered}, {@link Problem} and the views of {@link SandboxPhones} they hold are
 * {@link RegisterForReflection registered} where they are declared.
 */
@Path("/sandbox")
@Singleton
@SandboxOnly
public class SandboxResource {

    /** The customer the page shows first: the number of the README's example command. */
    public static final String DEMO_CUSTOMER = "254712345678";

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final SandboxSettings settings;
    private final SandboxPhones phones;
    private final PhoneActions actions;
    private final SandboxPaymentGateway mpesa;
    private final SelfCalls calls;
    private final String script;
    private final String styles;

    /**
     * The script and the style sheet are Qute templates without expressions ({@code templates/sandbox/sandbox.js},
     * {@code …/sandbox.css}), rendered once: templates reach a native image by themselves, plain class-path files
     * would need configuring.
     */
    @Inject
    public SandboxResource(SandboxSettings settings, SandboxPhones phones, PhoneActions actions,
            SandboxPaymentGateway mpesa, SelfCalls calls, @Location("sandbox/sandbox.js") Template script,
            @Location("sandbox/sandbox.css") Template styles) {
        this.calls = calls;
        this.settings = settings;
        this.phones = phones;
        this.actions = actions;
        this.mpesa = mpesa;
        this.script = script.render().strip() + "\n";
        this.styles = styles.render().strip() + "\n";
    }

    /** A message body from the merchant. */
    public record Text(String text) {
    }

    /** The customer pays from the M-PESA menu: Paybill with an account number, or Till without one. */
    public record MenuPayment(String number, Long amount, String account) {
    }

    /** What the simulated M-PESA told the service. */
    public record MenuPaid(String transId, String shortCode, int status) {
    }

    /** A button tap of the merchant. */
    public record Tap(String buttonId) {
    }

    /** A message from a customer phone. */
    public record CustomerText(String number, String text) {
    }

    /** A button tap on a customer phone. */
    public record CustomerTap(String number, String buttonId) {
    }

    /** The answer to an M-PESA prompt; the PIN is not checked (the amount decides). */
    public record StkAnswer(String action, String pin) {
    }

    /** How the prompt ended; the callback reaches the service {@code callbackInMillis} later. */
    @RegisterForReflection
    public record StkAnswered(String checkoutRequestId, int resultCode, String resultDesc, long callbackInMillis) {
    }

    /** Both phones. */
    @RegisterForReflection
    public record State(long version, Instant now, String businessName, List<String> noWhatsAppPrefixes,
            PaneView merchant, PaneView customer, List<String> phones) {
    }

    /** An error, in words for the page. */
    @RegisterForReflection
    public record Problem(String error) {
    }

    @GET
    @Produces(HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("customer") String customer, @QueryParam("lang") String lang) {
        String number = customer != null && Msisdn.parse(customer) instanceof Parsed.Ok<Msisdn> ok
                ? ok.value().value() : DEMO_CUSTOMER;
        String hint = String.join(", ", settings.noWhatsAppPrefixes().stream().map(p -> p + "…").toList());
        SandboxPage page = new SandboxPage(settings.businessName(), settings.merchant().value(), number, hint,
                settings.stkAutoAnswerAfter().toSeconds(),
                new SandboxWords(Language.fromTag(lang).orElse(Language.EN)));
        return Response.ok(SandboxTemplates.page(page).render(), HTML)
                .header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @GET
    @Path("assets/{name: sandbox\\.(js|css)}")
    @Operation(hidden = true)
    public Response asset(@PathParam("name") String name) {
        boolean js = name.endsWith(".js");
        return Response.ok(js ? script : styles, js ? "text/javascript;charset=UTF-8" : "text/css;charset=UTF-8")
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("api/state")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response state(@QueryParam("customer") String customer) {
        return act(() -> {
            Msisdn number = customer == null || customer.isBlank() ? new Msisdn(DEMO_CUSTOMER) : number(customer);
            Instant now = Instant.now();
            long version = phones.version();
            return Response.ok(new State(version, now, settings.businessName(), settings.noWhatsAppPrefixes(),
                    phones.pane(settings.merchant(), settings.hasWhatsApp(settings.merchant()), now),
                    phones.pane(number, settings.hasWhatsApp(number), now), phones.numbers())).build();
        });
    }

    @POST
    @Path("api/merchant/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response merchantMessage(Text body) {
        return act(() -> accepted(actions.merchantText(required(body).text())));
    }

    @POST
    @Path("api/merchant/taps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response merchantTap(Tap body) {
        return act(() -> accepted(actions.tap(settings.merchant(), required(body).buttonId())));
    }

    @POST
    @Path("api/customer/taps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response customerTap(CustomerTap body) {
        return act(() -> accepted(actions.tap(number(required(body).number()), body.buttonId())));
    }

    @POST
    @Path("api/customer/whatsapp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response customerWhatsApp(CustomerText body) {
        return act(() -> accepted(actions.whatsAppText(number(required(body).number()), body.text())));
    }

    @POST
    @Path("api/customer/sms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response customerSms(CustomerText body) {
        return act(() -> accepted(actions.sms(number(required(body).number()), body.text())));
    }

    @POST
    @Path("api/stk/{checkoutRequestId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response answerPrompt(@PathParam("checkoutRequestId") String checkoutRequestId, StkAnswer body) {
        return act(() -> {
            String action = Optional.ofNullable(required(body).action()).orElse("").strip().toLowerCase(Locale.ROOT);
            Answer answer = switch (action) {
                case "ok" -> Answer.OK;
                case "cancel" -> Answer.CANCEL;
                default -> throw new IllegalArgumentException("action must be ok or cancel");
            };
            return mpesa.answer(checkoutRequestId, answer)
                    .map(outcome -> Response.ok(new StkAnswered(checkoutRequestId, outcome.resultCode(),
                            outcome.resultDesc(), settings.callbackDelay().toMillis())).build())
                    .orElseGet(() -> problem(Response.Status.NOT_FOUND,
                            "No M-PESA prompt is open with that CheckoutRequestID (answered already?)."));
        });
    }

    /**
     * The customer pays invoice X from the M-PESA menu (Lipa na M-PESA, Paybill, account number {@code account}):
     * Safaricom's C2B confirmation goes to the service's real confirmation endpoint, at once.
     */
    @POST
    @Path("api/c2b/paybill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response paybill(MenuPayment body) {
        return act(() -> {
            String account = Optional.ofNullable(required(body).account()).orElse("").strip();
            if (account.isEmpty() || account.length() > 20) {
                throw new IllegalArgumentException("Type an account number of 1 to 20 characters, e.g. INV-7K3Q9X.");
            }
            String transId = SandboxIds.receipt();
            int status = calls.postC2bConfirmation(C2bConfirmations.paybill(transId, shillings(body), account,
                    Instant.now(), number(body.number())));
            return Response.ok(new MenuPaid(transId, C2bConfirmations.PAYBILL, status)).build();
        });
    }

    /** The customer pays the Till (Buy Goods) from the M-PESA menu: no account number, the amount alone. */
    @POST
    @Path("api/c2b/till")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response till(MenuPayment body) {
        return act(() -> {
            String transId = SandboxIds.receipt();
            int status = calls.postC2bConfirmation(C2bConfirmations.till(transId, shillings(required(body)),
                    Instant.now(), number(body.number())));
            return Response.ok(new MenuPaid(transId, C2bConfirmations.TILL, status)).build();
        });
    }

    private static long shillings(MenuPayment body) {
        if (body.amount() == null || body.amount() < 1 || body.amount() > 250_000) {
            throw new IllegalArgumentException("Type an amount of KES 1 to 250,000.");
        }
        return body.amount();
    }

    private static Response accepted(Object message) {
        return Response.accepted(message).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Msisdn number(String raw) {
        return switch (Msisdn.parse(raw)) {
            case Parsed.Ok<Msisdn> ok -> ok.value();
            case Parsed.Rejected<Msisdn> rejected -> throw new IllegalArgumentException(Msisdn.EXPECTED);
        };
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new IllegalArgumentException("Send a JSON body.");
        }
        return body;
    }

    /** The sandbox's errors, in words for the page; anything else is the service's business. */
    private static Response act(Supplier<Response> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (PhoneActions.Refused | SelfCalls.SelfCallFailed e) {
            return problem(Response.Status.BAD_GATEWAY, e.getMessage());
        } catch (SelfCalls.NotConfigured e) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Problem(message))
                .header("Cache-Control", "no-store").build();
    }
}
