package ke.invoiceiq.adapters.daraja.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@link PaymentGateway} on Safaricom Daraja, M-PESA Express (docs/daraja.md). It only translates: the
 * core decides what the customer reads from the domain outcome returned here, so no Daraja code or wording ever
 * reaches customer text.
 *
 * <p><b>The STK push is never retried automatically</b> (no {@code @Retry} on it, and nothing here loops): a push
 * that timed out or failed with a 5xx may still have raised a prompt, and a second one can charge the payer twice.
 * The only repeat is the single one after Daraja called the access token invalid (HTTP 401 or
 * {@code 404.001.03}), which happens before Daraja processes anything.
 *
 * <p>What a push's answer says about the prompt (docs/daraja.md, "When is the outcome unknown"):
 * <ul>
 * <li>{@link StkPushResponse.Accepted}: named, a prompt is on its way.</li>
 * <li>{@link StkPushResponse.RetryLater}: certainly no prompt — spike arrest or quota (refused at Daraja's gate),
 * the connection never opened, the circuit breaker open, or a 2xx whose {@code ResponseCode} is not {@code 0}.</li>
 * <li>{@link StkPushResponse.SubscriberBusy} and {@link StkPushResponse.Rejected}: refused before processing.</li>
 * <li>{@link StkPushResponse.OutcomeUnknown}: the request went out and no usable answer came back — a time-out, a
 * connection lost after sending, a 5xx from Daraja's back end ({@code 500.003.1001} or any other 5xx), or an
 * accepting answer without its ids. The prompt may be on the phone; the core keeps the attempt in flight so the
 * customer cannot be charged twice.</li>
 * </ul>
 *
 * <p>Logs carry short kinds and field names only: never the phone number, the consumer secret, the passkey, the
 * password or the token.
 *
 * <p>{@link Typed} to this class only: having this module on the class path does not by itself make it the
 * {@link PaymentGateway}; the application selects it from its configuration.
 */
@ApplicationScoped
@Typed(DarajaPaymentGateway.class)
public class DarajaPaymentGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(DarajaPaymentGateway.class);

    static final String PAYBILL = "CustomerPayBillOnline";
    static final String BUY_GOODS = "CustomerBuyGoodsOnline";

    private final DarajaClient client;
    private final DarajaTokens tokens;
    private final Clock clock;
    private final Optional<String> shortcode;
    private final Optional<String> passkey;
    private final String transactionType;
    private final Optional<String> partyB;
    private final Optional<String> callbackUrl;

    @Inject
    DarajaPaymentGateway(DarajaClient client, DarajaTokens tokens, Clock clock,
            @ConfigProperty(name = "mpesa.shortcode") Optional<String> shortcode,
            @ConfigProperty(name = "mpesa.passkey") Optional<String> passkey,
            @ConfigProperty(name = "mpesa.transaction-type", defaultValue = PAYBILL) String transactionType,
            @ConfigProperty(name = "mpesa.party-b") Optional<String> partyB,
            @ConfigProperty(name = "mpesa.callback-url") Optional<String> callbackUrl) {
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
        this.shortcode = present(shortcode);
        this.passkey = present(passkey);
        this.transactionType = BUY_GOODS.equalsIgnoreCase(transactionType.strip()) ? BUY_GOODS : PAYBILL;
        this.partyB = present(partyB);
        this.callbackUrl = present(callbackUrl);
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Whether every key a push needs is set (consumer key and secret, shortcode, passkey, callback URL). */
    public boolean configured() {
        return tokens.configured() && shortcode.isPresent() && passkey.isPresent() && callbackUrl.isPresent();
    }

    @Override
    public StkPushResponse requestStkPush(StkPushRequest request) {
        if (!configured()) {
            LOG.error("M-PESA STK push refused: mpesa.* is not fully configured");
            return new StkPushResponse.Rejected("not-configured");
        }
        String timestamp = StkPassword.timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", shortcode.get());
        body.put("Password", StkPassword.password(shortcode.get(), passkey.get(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", transactionType);
        body.put("Amount", request.amount().shillings());
        body.put("PartyA", request.payer().value());
        body.put("PartyB", BUY_GOODS.equals(transactionType) ? partyB.orElse(shortcode.get()) : shortcode.get());
        body.put("PhoneNumber", request.payer().value());
        body.put("CallBackURL", callbackUrl.get());
        body.put("AccountReference",
                DarajaText.clean(request.accountReference().value(), DarajaText.ACCOUNT_REFERENCE_MAX));
        body.put("TransactionDesc",
                DarajaText.clean(request.accountReference().value(), DarajaText.TRANSACTION_DESC_MAX));
        try {
            JsonNode answer = withToken(bearer -> client.stkPush(bearer, body));
            return accepted(answer);
        } catch (DarajaFailure.SubscriberLocked e) {
            LOG.infof("STK push for payment %s refused: a prompt is already open on the phone", request.paymentId());
            return new StkPushResponse.SubscriberBusy();
        } catch (DarajaFailure.Throttled e) {
            LOG.warnf("STK push for payment %s refused: %s", request.paymentId(), e.kind());
            return new StkPushResponse.RetryLater(e.kind());
        } catch (DarajaFailure.ServerError e) {
            LOG.warnf("STK push for payment %s answered %s; outcome unknown", request.paymentId(), e.kind());
            return new StkPushResponse.OutcomeUnknown(e.kind());
        } catch (DarajaFailure.Rejected | DarajaFailure.InvalidToken e) {
            LOG.errorf("STK push for payment %s rejected: %s", request.paymentId(), e.kind());
            return new StkPushResponse.Rejected(e.kind());
        } catch (CircuitBreakerOpenException e) {
            return new StkPushResponse.RetryLater("circuit-open");
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ConnectException) {
                // never connected: nothing was sent
                LOG.warnf("STK push for payment %s: Daraja unreachable", request.paymentId());
                return new StkPushResponse.RetryLater("unreachable");
            }
            LOG.warnf("STK push for payment %s: connection failed after sending; outcome unknown", request.paymentId());
            return new StkPushResponse.OutcomeUnknown("io");
        } catch (TimeoutException e) {
            LOG.warnf("STK push for payment %s timed out; outcome unknown", request.paymentId());
            return new StkPushResponse.OutcomeUnknown("timeout");
        }
    }

    private StkPushResponse accepted(JsonNode answer) {
        String code = text(answer, "ResponseCode").orElse("");
        Optional<String> merchant = text(answer, "MerchantRequestID");
        Optional<String> checkout = text(answer, "CheckoutRequestID");
        if (code.equals("0") && merchant.isPresent() && checkout.isPresent()) {
            return new StkPushResponse.Accepted(new MerchantRequestId(merchant.get()),
                    new CheckoutRequestId(checkout.get()));
        }
        if (code.equals("0")) {
            LOG.warn("STK push accepted without its ids; outcome unknown");
            return new StkPushResponse.OutcomeUnknown("accepted-without-ids");
        }
        LOG.warnf("STK push answered 2xx with ResponseCode %s", code.isEmpty() ? "-" : code.replaceAll("\\W", ""));
        return new StkPushResponse.RetryLater("not-accepted");
    }

    @Override
    public StkQueryResponse queryStkPush(CheckoutRequestId checkoutRequestId) {
        if (!tokens.configured() || shortcode.isEmpty() || passkey.isEmpty()) {
            return new StkQueryResponse.Unknown("not-configured");
        }
        String timestamp = StkPassword.timestamp(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", shortcode.get());
        body.put("Password", StkPassword.password(shortcode.get(), passkey.get(), timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", checkoutRequestId.value());
        try {
            JsonNode answer = withToken(bearer -> client.stkQuery(bearer, body));
            Optional<String> resultCode = text(answer, "ResultCode");
            if (resultCode.isEmpty()) {
                return new StkQueryResponse.Pending();
            }
            int code;
            try {
                code = Integer.parseInt(resultCode.get().strip());
            } catch (NumberFormatException e) {
                LOG.warnf("STK query for %s: unreadable ResultCode", checkoutRequestId);
                return new StkQueryResponse.Unknown("unreadable-result");
            }
            return new StkQueryResponse.Final(new StkResult(code, text(answer, "ResultDesc").orElse("")));
        } catch (DarajaFailure.SubscriberLocked e) {
            return new StkQueryResponse.Pending();
        } catch (DarajaFailure.Throttled e) {
            LOG.warnf("STK query for %s throttled: %s", checkoutRequestId, e.kind());
            return new StkQueryResponse.Throttled(e.kind());
        } catch (DarajaFailure e) {
            LOG.warnf("STK query for %s failed: %s", checkoutRequestId, e.kind());
            return new StkQueryResponse.Unknown(e.kind());
        } catch (CircuitBreakerOpenException e) {
            return new StkQueryResponse.Unknown("circuit-open");
        } catch (TimeoutException e) {
            return new StkQueryResponse.Unknown("timeout");
        } catch (ProcessingException e) {
            return new StkQueryResponse.Unknown("io");
        }
    }

    /** Runs {@code call} with a bearer token; on an invalid token, drops it and runs the call once more. */
    private JsonNode withToken(Function<String, JsonNode> call) {
        String token = tokens.token();
        try {
            return call.apply("Bearer " + token);
        } catch (DarajaFailure.InvalidToken e) {
            LOG.info("Daraja called the access token invalid; fetching a new one");
            tokens.invalidate(token);
            return call.apply("Bearer " + tokens.token());
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }
}
