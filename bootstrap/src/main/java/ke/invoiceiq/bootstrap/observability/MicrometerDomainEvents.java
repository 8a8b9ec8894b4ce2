package ke.invoiceiq.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.InboundMessageEvent;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.C2bPaymentEvent;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;
import org.jboss.logging.Logger;

/**
 * The {@link DomainEvents} port as business metrics: each committed event becomes a counter increment or a
 * histogram sample, served at {@code /q/metrics}. A translation only: which events exist and what they carry is
 * the domain's business. Label values come from enums (channel, outcome, STK reason), never from an id, a phone
 * number or a name, so every series is bounded.
 *
 * <p>Replaces the recording stand-in of {@code PortProducers} (a {@code @DefaultBean}) by being an ordinary bean
 * of the same type. {@link Startup} so that every series exists, at zero, from the first scrape on.
 */
@ApplicationScoped
@Startup
public class MicrometerDomainEvents implements DomainEvents {

    /** Prometheus: {@code invoiceiq_invoices_created_total}. */
    static final String INVOICES_CREATED = "invoiceiq.invoices.created";
    /** Prometheus: {@code invoiceiq_invoices_sent_total{channel}}. */
    static final String INVOICES_SENT = "invoiceiq.invoices.sent";
    /** Prometheus: {@code invoiceiq_invoices_delivery_failed_total}. */
    static final String INVOICES_DELIVERY_FAILED = "invoiceiq.invoices.delivery.failed";
    /** Prometheus: {@code invoiceiq_invoices_paid_total}. */
    static final String INVOICES_PAID = "invoiceiq.invoices.paid";
    /** Prometheus: {@code invoiceiq_payments_total{result}}. */
    static final String PAYMENTS = "invoiceiq.payments";
    /** Prometheus: {@code invoiceiq_messages_sent_total{channel,outcome}}. */
    static final String MESSAGES_SENT = "invoiceiq.messages.sent";
    /** Prometheus: {@code invoiceiq_unmatched_payments_raised_total}. */
    static final String UNMATCHED_RAISED = "invoiceiq.unmatched.payments.raised";
    /** Prometheus: {@code invoiceiq_part_payments_total}. */
    static final String PART_PAYMENTS = "invoiceiq.part.payments";
    /** Prometheus: {@code invoiceiq_time_to_pay_seconds_bucket{le}}, {@code _count}, {@code _sum}, {@code _max}. */
    static final String TIME_TO_PAY = "invoiceiq.time.to.pay";
    /** Prometheus: {@code invoiceiq_c2b_payments_total{kind,outcome}}. */
    static final String C2B_PAYMENTS = "invoiceiq.c2b.payments";
    /** Prometheus: {@code invoiceiq_inbound_given_up_total{channel}}. */
    static final String INBOUND_GIVEN_UP = "invoiceiq.inbound.given.up";
    /** Prometheus: {@code invoiceiq_inbound_too_old_total{channel}}. */
    static final String INBOUND_TOO_OLD = "invoiceiq.inbound.too.old";

    static final String CHANNEL = "channel";
    static final String OUTCOME = "outcome";
    static final String RESULT = "result";
    static final String KIND = "kind";

    static final String SUCCESS = "success";
    static final String EXPIRED = "expired";
    /** {@link StkReason#OTHER}: a result code we do not know. */
    static final String OTHER = label(StkReason.OTHER);

    /** From a quick tap to a customer who pays days later: the invoice's whole useful life. */
    static final Duration[] TIME_TO_PAY_BUCKETS = {
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)
    };

    private static final Logger LOG = Logger.getLogger(MicrometerDomainEvents.class);

    private final Counter invoicesCreated;
    private final Map<Channel, Counter> invoicesSent = new EnumMap<>(Channel.class);
    private final Counter invoicesDeliveryFailed;
    private final Counter invoicesPaid;
    private final Map<String, Counter> payments = new LinkedHashMap<>();
    private final Map<Channel, Map<MessageEvent.Outcome, Counter>> messagesSent = new EnumMap<>(Channel.class);
    private final Timer timeToPay;
    private final Counter unmatchedRaised;
    private final Counter partPayments;
    private final Map<Channel, Counter> inboundGivenUp = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> inboundTooOld = new EnumMap<>(Channel.class);
    private final Map<C2bPayment.Kind, Map<C2bPaymentEvent.Outcome, Counter>> c2bPayments =
            new EnumMap<>(C2bPayment.Kind.class);

    @Inject
    public MicrometerDomainEvents(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        invoicesCreated = Counter.builder(INVOICES_CREATED)
                .description("Invoices created (stored PENDING, customer message queued)")
                .register(registry);
        for (Channel channel : Channel.values()) {
            invoicesSent.put(channel, Counter.builder(INVOICES_SENT)
                    .description("Invoices that reached the customer, by the channel that first accepted them")
                    .tag(CHANNEL, label(channel))
                    .register(registry));
        }
        invoicesDeliveryFailed = Counter.builder(INVOICES_DELIVERY_FAILED)
                .description("Invoices no channel could deliver (WhatsApp and its SMS fallback, or the SMS alone),"
                        + " which became FAILED; a WhatsApp refusal that an SMS then carried is not one")
                .register(registry);
        invoicesPaid = Counter.builder(INVOICES_PAID)
                .description("Invoices that became PAID (also those paid after being cancelled)")
                .register(registry);
        for (String result : paymentResults()) {
            payments.put(result, Counter.builder(PAYMENTS)
                    .description("Settled M-PESA STK attempts by result: success, expired (given up without an"
                            + " answer from M-PESA), or the failure reason")
                    .tag(RESULT, result)
                    .register(registry));
        }
        for (Channel channel : Channel.values()) {
            Map<MessageEvent.Outcome, Counter> byOutcome = new EnumMap<>(MessageEvent.Outcome.class);
            for (MessageEvent.Outcome outcome : MessageEvent.Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(MESSAGES_SENT)
                        .description("Outbound send attempts by channel and what the provider answered")
                        .tag(CHANNEL, label(channel))
                        .tag(OUTCOME, label(outcome))
                        .register(registry));
            }
            messagesSent.put(channel, byOutcome);
        }
        unmatchedRaised = Counter.builder(UNMATCHED_RAISED)
                .description("M-PESA payments that matched no invoice's attempt, raised for the merchant to apply")
                .register(registry);
        partPayments = Counter.builder(PART_PAYMENTS)
                .description("Payments that left a balance on their invoice")
                .register(registry);
        for (Channel channel : Channel.values()) {
            inboundGivenUp.put(channel, Counter.builder(INBOUND_GIVEN_UP)
                    .description("Messages people sent that no try could handle; the sender was asked to send it again")
                    .tag(CHANNEL, label(channel))
                    .register(registry));
        }
        for (Channel channel : Channel.values()) {
            inboundTooOld.put(channel, Counter.builder(INBOUND_TOO_OLD)
                    .description("Messages ignored because they were sent longer ago than de-duplication marks are"
                            + " kept (a replayed or very late webhook)")
                    .tag(CHANNEL, label(channel))
                    .register(registry));
        }
        for (C2bPayment.Kind kind : C2bPayment.Kind.values()) {
            Map<C2bPaymentEvent.Outcome, Counter> byOutcome = new EnumMap<>(C2bPaymentEvent.Outcome.class);
            for (C2bPaymentEvent.Outcome outcome : C2bPaymentEvent.Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(C2B_PAYMENTS)
                        .description("Payments to the Paybill or Till from the M-PESA menu (C2B) by kind and what"
                                + " became of them: applied by account number, matched by amount, unmatched, or"
                                + " refused at validation")
                        .tag(KIND, kind.name().toLowerCase(java.util.Locale.ROOT))
                        .tag(OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT))
                        .register(registry));
            }
            c2bPayments.put(kind, byOutcome);
        }
        timeToPay = Timer.builder(TIME_TO_PAY)
                .description("From the invoice being sent (or created, if never sent) to its payment")
                .serviceLevelObjectives(TIME_TO_PAY_BUCKETS)
                .register(registry);
    }

    @Override
    public void publish(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            switch (event) {
                case InvoiceEvent e -> count(e);
                case PaymentEvent e -> count(e);
                case UnmatchedPaymentEvent e -> count(e);
                case MessageEvent e -> count(e);
                case C2bPaymentEvent e -> c2bPayments.get(e.kind()).get(e.outcome()).increment();
                case InboundMessageEvent.GaveUp e -> inboundGivenUp.get(e.channel()).increment();
                case InboundMessageEvent.TooOld e -> inboundTooOld.get(e.channel()).increment();
                default -> {
                    // not a business metric
                }
            }
        } catch (RuntimeException e) {
            // the event is already committed: a metric must never turn a done deed into an error
            LOG.warnf("could not count %s: %s", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void count(InvoiceEvent event) {
        switch (event) {
            case InvoiceEvent.Issued e -> invoicesCreated.increment();
            case InvoiceEvent.Sent e -> invoicesSent.get(e.channel()).increment();
            case InvoiceEvent.Paid e -> paid(e.timeToPay());
            case InvoiceEvent.PaidAfterCancellation e -> paid(e.timeToPay());
            case InvoiceEvent.DeliveryFailed e -> invoicesDeliveryFailed.increment();
            case InvoiceEvent.DoublePaymentReceived e -> {
            }
            case InvoiceEvent.PartPaymentReceived e -> partPayments.increment();
            case InvoiceEvent.Cancelled e -> {
            }
            case InvoiceEvent.ReminderRequested e -> {
            }
            case InvoiceEvent.RedeliveryRequested e -> {
            }
        }
    }

    private void paid(Duration took) {
        invoicesPaid.increment();
        timeToPay.record(took);
    }

    private void count(PaymentEvent event) {
        switch (event) {
            case PaymentEvent.Succeeded e -> payments.get(SUCCESS).increment();
            case PaymentEvent.Expired e -> payments.get(EXPIRED).increment();
            case PaymentEvent.Failed e -> payments.getOrDefault(label(e.reason()), payments.get(OTHER)).increment();
            case PaymentEvent.Requested e -> {
            }
        }
    }

    private void count(UnmatchedPaymentEvent event) {
        switch (event) {
            case UnmatchedPaymentEvent.Raised e -> unmatchedRaised.increment();
            case UnmatchedPaymentEvent.Applied e -> {
            }
        }
    }

    private void count(MessageEvent event) {
        switch (event) {
            case MessageEvent.Dispatched e -> messagesSent.get(e.channel()).get(e.outcome()).increment();
        }
    }

    /**
     * Every value the {@code result} label can take: the two outcomes of our own, then each STK failure reason
     * ({@link StkReason#PAID} is no failure; a failure that claimed it would count as {@code other}; the
     * reconciler giving up, {@link StkReason#NO_ANSWER}, is {@code expired}).
     */
    static Set<String> paymentResults() {
        Set<String> results = new LinkedHashSet<>();
        results.add(SUCCESS);
        results.add(EXPIRED);
        for (StkReason reason : StkReason.values()) {
            if (reason != StkReason.PAID && reason != StkReason.NO_ANSWER) {
                results.add(label(reason));
            }
        }
        return results;
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
