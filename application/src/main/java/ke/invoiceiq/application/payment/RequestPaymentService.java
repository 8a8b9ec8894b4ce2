package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyInFlight;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyPaid;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.CoolingDown;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayRejected;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayUnavailable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.Initiated;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.InvoiceNotFound;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.KeyReused;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotPayable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.NotYourInvoice;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.PayerBusy;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.AttemptDecision;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Checks, then writes the INITIATED attempt and commits, then asks the gateway for the push outside any
 * transaction, then records the gateway's answer in a second unit of work. The one-in-flight rule and the
 * idempotency key are enforced by the repository atomically, so concurrent taps raise one push.
 */
public final class RequestPaymentService implements RequestPaymentUseCase {

    private static final System.Logger LOG = System.getLogger(RequestPaymentService.class.getName());

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final RecordPaymentResultUseCase results;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final DomainEvents events;
    private final PaymentAttemptPolicy policy;

    public RequestPaymentService(InvoiceRepository invoices, PaymentRepository payments, PaymentGateway gateway,
            RecordPaymentResultUseCase results, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, PaymentSettings settings) {
        this.invoices = invoices;
        this.payments = payments;
        this.gateway = gateway;
        this.results = results;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.policy = new PaymentAttemptPolicy(settings.cooldown());
    }

    @Override
    public RequestPaymentOutcome requestPayment(RequestPaymentCommand command) {
        Start start = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> start(command)));
        return switch (start) {
            case Start.Answer answer -> answer.outcome();
            case Start.Push push -> {
                events.publish(new PaymentEvent.Requested(push.invoice().id(), push.attempt().id(),
                        push.attempt().createdAt()));
                yield push(push.invoice(), push.attempt());
            }
        };
    }

    private sealed interface Start {
        record Answer(RequestPaymentOutcome outcome) implements Start {
        }

        record Push(Invoice invoice, Payment attempt) implements Start {
        }
    }

    private Start start(RequestPaymentCommand command) {
        Optional<Invoice> found = switch (command.invoice()) {
            case RequestPaymentCommand.InvoiceRef.ById byId -> invoices.find(byId.id());
            case RequestPaymentCommand.InvoiceRef.ByPayToken byToken -> invoices.findByPayToken(byToken.token());
        };
        if (found.isEmpty()) {
            return new Start.Answer(new InvoiceNotFound());
        }
        Invoice invoice = found.get();
        if (command.payer().filter(payer -> !payer.equals(invoice.customer().msisdn())).isPresent()) {
            return new Start.Answer(new NotYourInvoice(invoice));
        }
        Optional<Payment> earlier = payments.findByIdempotencyKey(command.key());
        if (earlier.isPresent()) {
            return new Start.Answer(replay(earlier.get(), invoice));
        }
        switch (invoice.status()) {
            case PAID -> {
                return new Start.Answer(new AlreadyPaid(invoice));
            }
            case CANCELLED -> {
                return new Start.Answer(new NotPayable(invoice));
            }
            case PENDING, SENT, FAILED -> {
            }
        }
        Instant now = clock.instant();
        switch (policy.decide(payments.findByInvoice(invoice.id()), now)) {
            case AttemptDecision.InFlight inFlight -> {
                return new Start.Answer(new AlreadyInFlight(invoice, inFlight.current()));
            }
            case AttemptDecision.CoolingDown coolingDown -> {
                return new Start.Answer(new CoolingDown(invoice, coolingDown.until()));
            }
            case AttemptDecision.AlreadyPaid paid -> {
                return new Start.Answer(new AlreadyPaid(invoice));
            }
            case AttemptDecision.Allowed allowed -> {
            }
        }
        return add(invoice, command.key(), now);
    }

    private Start add(Invoice invoice, IdempotencyKey key, Instant now) {
        // written unchanged so that a cancel racing this attempt fails its version check and sees the attempt
        Invoice touched = invoices.update(invoice);
        Payment attempt = Payment.initiate(new PaymentId(ids.nextId()), invoice.id(), invoice.customer().msisdn(),
                invoice.amount(), key, now);
        return switch (payments.addIfNoneInFlight(attempt)) {
            case ADDED -> new Start.Push(touched, attempt);
            case ANOTHER_IN_FLIGHT -> payments.findByInvoice(invoice.id()).stream()
                    .filter(Payment::isInFlight)
                    .findFirst()
                    .<Start>map(current -> new Start.Answer(new AlreadyInFlight(touched, current)))
                    .orElseThrow(() -> new ConcurrentUpdateException("payment attempt of invoice " + invoice.id()));
            case DUPLICATE_KEY -> payments.findByIdempotencyKey(key)
                    .<Start>map(first -> new Start.Answer(replay(first, touched)))
                    .orElseThrow(() -> new ConcurrentUpdateException("payment attempt of invoice " + invoice.id()));
        };
    }

    /** The same key again: the first answer, without a second push. */
    private static RequestPaymentOutcome replay(Payment first, Invoice invoice) {
        if (!first.invoiceId().equals(invoice.id())) {
            return new KeyReused();
        }
        return switch (first.status()) {
            case SUCCESS -> new AlreadyPaid(invoice);
            case INITIATED -> new Initiated(invoice, first, true);
            case FAILED, EXPIRED -> first.checkoutRequestId().isPresent()
                    ? new Initiated(invoice, first, true)
                    : GatewayRefusal.outcome(invoice, first.result().orElse(StkResult.of(GatewayRefusal.UNAVAILABLE)));
        };
    }

    private RequestPaymentOutcome push(Invoice invoice, Payment attempt) {
        StkPushResponse response;
        try {
            response = gateway.requestStkPush(
                    new StkPushRequest(attempt.id(), attempt.payer(), attempt.amount(), invoice.id()));
        } catch (RuntimeException e) {
            // nobody knows whether the prompt went out: the attempt stays INITIATED and the reconciler settles it
            LOG.log(Level.WARNING, "STK push for payment {0} ended in {1}; left for the reconciler",
                    attempt.id(), e.getClass().getSimpleName());
            return new GatewayUnavailable(invoice);
        }
        return switch (response) {
            case StkPushResponse.Accepted accepted -> accepted(invoice, attempt, accepted);
            case StkPushResponse.SubscriberBusy busy -> refused(invoice, attempt, GatewayRefusal.busy(),
                    new PayerBusy(invoice));
            case StkPushResponse.RetryLater later -> refused(invoice, attempt,
                    GatewayRefusal.unavailable(later.reason()), new GatewayUnavailable(invoice));
            case StkPushResponse.Rejected rejected -> refused(invoice, attempt,
                    GatewayRefusal.rejected(rejected.reason()), new GatewayRejected(invoice));
        };
    }

    private RequestPaymentOutcome accepted(Invoice invoice, Payment attempt, StkPushResponse.Accepted response) {
        Payment named = transactions.inTransaction(() -> {
            Payment current = payments.find(attempt.id()).orElseThrow();
            if (!current.isInFlight()) {
                return current;
            }
            Payment next = current.accepted(response.merchantRequestId(), response.checkoutRequestId(),
                    clock.instant());
            payments.update(next);
            return next;
        });
        // a callback that arrived before this answer waits in the inbox
        results.applyStored(response.checkoutRequestId());
        Payment latest = transactions.inTransaction(() -> payments.find(attempt.id())).orElse(named);
        return new Initiated(invoice, latest, false);
    }

    private RequestPaymentOutcome refused(Invoice invoice, Payment attempt, StkResult result,
            RequestPaymentOutcome outcome) {
        Instant now = clock.instant();
        boolean failed = transactions.inTransaction(() -> {
            Payment current = payments.find(attempt.id()).orElseThrow();
            if (!current.isInFlight()) {
                return false;
            }
            payments.update(current.failed(result, now));
            return true;
        });
        if (failed) {
            events.publish(new PaymentEvent.Failed(invoice.id(), attempt.id(), result.reason(), now));
        }
        return outcome;
    }
}
