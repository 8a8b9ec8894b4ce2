package ke.invoiceiq.application.payment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyInFlight;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AlreadyPaid;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.AwaitingMpesa;
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
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.PaymentRequest;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Loads the invoice, lets it decide ({@link Invoice#requestPayment}), stores the new INITIATED attempt and commits,
 * then asks the gateway for the push outside any transaction, then records the gateway's answer on the invoice in a
 * second unit of work. The invoice's version makes concurrent taps raise one push; an answer that does not say
 * whether a prompt went out leaves the attempt in flight.
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
    private final PaymentSettings settings;

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
        this.settings = settings;
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
        if (payments.findByIdempotencyKey(command.key()).filter(first -> !first.invoiceId().equals(invoice.id()))
                .isPresent()) {
            return new Start.Answer(new KeyReused());
        }
        PaymentRequest request = invoice.requestPayment(command.payer(), command.payFrom(),
                new PaymentId(ids.nextId()), command.key(), settings.policy(), clock.instant());
        return switch (request) {
            case PaymentRequest.Start s -> new Start.Push(invoices.update(s.invoice()), s.attempt());
            case PaymentRequest.Replay r -> new Start.Answer(replay(r.first(), invoice));
            case PaymentRequest.NotYours n -> new Start.Answer(new NotYourInvoice(invoice));
            case PaymentRequest.AlreadyPaid p -> new Start.Answer(new AlreadyPaid(invoice));
            case PaymentRequest.Cancelled c -> new Start.Answer(new NotPayable(invoice));
            case PaymentRequest.InFlight f -> new Start.Answer(new AlreadyInFlight(invoice, f.current()));
            case PaymentRequest.CoolingDown c -> new Start.Answer(new CoolingDown(invoice, c.until()));
        };
    }

    /**
     * The same key again: the first attempt's answer, without a second push — except that once its money paid the
     * invoice, the asker is told so (a redelivered tap after the payment). The REST API replays its first HTTP answer
     * before it gets here.
     */
    private static RequestPaymentOutcome replay(Payment first, Invoice invoice) {
        return switch (first.status()) {
            case SUCCESS -> invoice.isPayable() ? new Initiated(invoice, first, true) : new AlreadyPaid(invoice);
            case INITIATED -> first.isNamed() ? new Initiated(invoice, first, true) : new AwaitingMpesa(invoice, first);
            case FAILED, EXPIRED -> first.isNamed()
                    ? new Initiated(invoice, first, true)
                    : GatewayRefusal.outcome(invoice, first.result().orElse(GatewayRefusal.unavailable("")));
        };
    }

    private RequestPaymentOutcome push(Invoice invoice, Payment attempt) {
        StkPushResponse response;
        try {
            response = gateway.requestStkPush(
                    new StkPushRequest(attempt.id(), attempt.payer(), attempt.amount(), invoice.id()));
        } catch (RuntimeException e) {
            response = new StkPushResponse.OutcomeUnknown(e.getClass().getSimpleName());
        }
        return switch (response) {
            case StkPushResponse.Accepted accepted -> accepted(invoice, attempt, accepted);
            case StkPushResponse.SubscriberBusy busy -> refused(invoice, attempt, GatewayRefusal.busy(),
                    new PayerBusy(invoice));
            case StkPushResponse.RetryLater later -> refused(invoice, attempt,
                    GatewayRefusal.unavailable(later.reason()), new GatewayUnavailable(invoice));
            case StkPushResponse.Rejected rejected -> refused(invoice, attempt,
                    GatewayRefusal.rejected(rejected.reason()), new GatewayRejected(invoice));
            case StkPushResponse.OutcomeUnknown unknown -> {
                // nobody knows whether the prompt went out: the attempt stays in flight until M-PESA tells
                LOG.log(Level.WARNING, "STK push for payment {0} ended in {1}; outcome unknown, left in flight",
                        attempt.id(), unknown.reason());
                yield new AwaitingMpesa(invoice, attempt);
            }
        };
    }

    private RequestPaymentOutcome accepted(Invoice invoice, Payment attempt, StkPushResponse.Accepted response) {
        try {
            RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
                Invoice current = invoices.find(invoice.id()).orElseThrow();
                Invoice named = current.pushAccepted(attempt.id(), response.merchantRequestId(),
                        response.checkoutRequestId(), clock.instant());
                return named.equals(current) ? current : invoices.update(named);
            }));
        } catch (RuntimeException e) {
            // the prompt is out but its name is not stored: the attempt stays in flight, and its callback finds it
            // by payer, amount and time
            LOG.log(Level.ERROR, "storing the STK response of payment {0} failed: {1}; left in flight",
                    attempt.id(), e.getClass().getSimpleName());
            return new AwaitingMpesa(invoice, attempt);
        }
        // a callback that arrived before this answer waits in the inbox
        results.applyStored(response.checkoutRequestId());
        Invoice latest = transactions.inTransaction(() -> invoices.find(invoice.id())).orElse(invoice);
        return new Initiated(latest, latest.payment(attempt.id()).orElse(attempt), false);
    }

    private RequestPaymentOutcome refused(Invoice invoice, Payment attempt, StkResult result,
            RequestPaymentOutcome outcome) {
        Settlement settlement = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            Invoice current = invoices.find(invoice.id()).orElseThrow();
            Settlement refused = current.pushRefused(attempt.id(), result, settings.policy(), clock.instant());
            return refused instanceof Settlement.Unchanged ? refused : refused.stored(invoices.update(refused.invoice()));
        }));
        settlement.events().forEach(events::publish);
        return outcome;
    }
}
