package ke.invoiceiq.adapters.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.Prompt;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.jboss.logging.Logger;

/**
 * M-PESA Express (Daraja STK push), simulated.
 *
 * <ol>
 * <li>A push is accepted at once with Daraja-shaped ids ({@code ws_CO_SBX…}, {@code SBX-…-…-1}) and opens the
 * "Enter M-PESA PIN" prompt on the payer's simulated phone.</li>
 * <li>The prompt is answered on the page ({@link #answer}): OK gives the outcome of the amount rule
 * ({@link StkOutcome#forAmount}), Cancel gives 1032. Nobody answering within
 * {@link SandboxSettings#stkAutoAnswerAfter()} counts as OK, so API-only users get their callbacks too.</li>
 * <li>{@link SandboxSettings#callbackDelay()} after the answer, Daraja's callback (docs/daraja.md, with a
 * receipt {@code SBX} + 7 on success) is posted to the service's real
 * {@code /payments/stk/callback/{mpesa.callback-token}}.</li>
 * <li>An STK query answers Pending while the prompt is open or M-PESA is "processing", then the final result; a
 * push the sandbox does not know (from before a restart: it keeps them in memory) has expired (1019).</li>
 * </ol>
 * So the core sees what it sees with Daraja: an accepted push, then a callback (or, should that be lost, a query).
 * Nobody is charged. {@link Typed} to this class: the application decides when it serves the port.
 */
@ApplicationScoped
@Typed(SandboxPaymentGateway.class)
public class SandboxPaymentGateway implements PaymentGateway {

    /** How a prompt was answered. */
    public enum Answer {
        OK, CANCEL, NO_ANSWER
    }

    /** Settled pushes remembered for queries. */
    static final int MAX_SETTLED = 1_000;

    private static final Logger LOG = Logger.getLogger(SandboxPaymentGateway.class);

    private final SandboxSettings settings;
    private final SandboxPhones phones;
    private final SandboxScheduler scheduler;
    private final SelfCalls calls;
    private final Map<String, Settled> settled = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Settled> eldest) {
            return size() > MAX_SETTLED;
        }
    };

    /** What M-PESA decided, and from when on it says so. */
    private record Settled(StkOutcome outcome, Instant finalFrom) {
    }

    @Inject
    public SandboxPaymentGateway(SandboxSettings settings, SandboxPhones phones, SandboxScheduler scheduler,
            SelfCalls calls) {
        this.settings = settings;
        this.phones = phones;
        this.scheduler = scheduler;
        this.calls = calls;
    }

    @Override
    public StkPushResponse requestStkPush(StkPushRequest request) {
        Instant now = Instant.now();
        String checkout = SandboxIds.checkoutRequestId(now);
        String merchantRequest = SandboxIds.merchantRequestId();
        phones.open(new Prompt(checkout, merchantRequest, request.payer(), request.amount().shillings(),
                request.accountReference().value(), settings.businessName(), now,
                now.plus(settings.stkAutoAnswerAfter())));
        scheduler.after(settings.stkAutoAnswerAfter(), "auto-answer of " + checkout,
                () -> answer(checkout, Answer.NO_ANSWER));
        LOG.infof("sandbox M-PESA: STK push %s accepted; the prompt is on the payer's simulated phone", checkout);
        return new StkPushResponse.Accepted(new MerchantRequestId(merchantRequest), new CheckoutRequestId(checkout));
    }

    @Override
    public StkQueryResponse queryStkPush(CheckoutRequestId checkoutRequestId) {
        String id = checkoutRequestId.value();
        if (phones.prompt(id).isPresent()) {
            return new StkQueryResponse.Pending();
        }
        Settled known;
        synchronized (settled) {
            known = settled.get(id);
        }
        if (known == null) {
            return new StkQueryResponse.Final(new StkResult(StkOutcome.EXPIRED.resultCode(),
                    StkOutcome.EXPIRED.resultDesc()));
        }
        if (Instant.now().isBefore(known.finalFrom())) {
            return new StkQueryResponse.Pending();
        }
        return new StkQueryResponse.Final(new StkResult(known.outcome().resultCode(), known.outcome().resultDesc()));
    }

    /**
     * Answers the prompt of {@code checkoutRequestId} and schedules Daraja's callback; empty when no such prompt is
     * open (answered already, or unknown).
     */
    public Optional<StkOutcome> answer(String checkoutRequestId, Answer answer) {
        Optional<Prompt> closed = phones.close(checkoutRequestId);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Prompt prompt = closed.get();
        StkOutcome outcome = answer == Answer.CANCEL ? StkOutcome.CANCELLED : StkOutcome.forAmount(prompt.amount());
        Instant now = Instant.now();
        synchronized (settled) {
            settled.put(checkoutRequestId, new Settled(outcome, now.plus(settings.callbackDelay())));
        }
        phones.note(prompt.payer(), "mpesa", switch (answer) {
            case OK -> "M-PESA prompt answered with OK";
            case CANCEL -> "M-PESA prompt cancelled";
            case NO_ANSWER -> "Nobody answered the M-PESA prompt: the sandbox answered for you";
        } + " (" + prompt.account() + "): " + outcome.resultDesc() + " (ResultCode " + outcome.resultCode() + ")",
                now);
        LOG.infof("sandbox M-PESA: %s answered (%s), result code %d; callback in %d ms", checkoutRequestId,
                answer.name().toLowerCase(Locale.ROOT), outcome.resultCode(), settings.callbackDelay().toMillis());
        scheduler.after(settings.callbackDelay(), "STK callback of " + checkoutRequestId, () -> {
            Instant at = Instant.now();
            byte[] body = StkCallbacks.body(prompt.merchantRequestId(), checkoutRequestId, outcome, prompt.amount(),
                    outcome.paid() ? SandboxIds.receipt() : null, at, prompt.payer());
            int status = calls.postStkCallback(body);
            if (status / 100 != 2) {
                LOG.warnf("sandbox M-PESA: the STK callback endpoint answered %d for %s; the reconciler's query"
                        + " will settle it", status, checkoutRequestId);
            }
        });
        return Optional.of(outcome);
    }
}
