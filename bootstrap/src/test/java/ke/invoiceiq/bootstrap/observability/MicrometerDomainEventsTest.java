package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.InboundMessageEvent;
import ke.invoiceiq.domain.messaging.MessageEvent;
import ke.invoiceiq.domain.messaging.MessageEvent.Outcome;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of domain event, published once, moves exactly one series by exactly one. */
class MicrometerDomainEventsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final InvoiceId INVOICE = new InvoiceId("INV-7K3Q9X");
    private static final PaymentId PAYMENT = new PaymentId("pay-1");
    private static final UnmatchedPaymentId UNMATCHED = new UnmatchedPaymentId("unm-1");
    private static final Optional<MpesaReceipt> RECEIPT = Optional.of(new MpesaReceipt("NLJ7RT61SV"));

    /** One event and the one series it must move ({@code null} meter: it must move none). */
    record Row(String name, DomainEvent event, String meter, Tags tags) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> events() {
        return Stream.of(
                new Row("invoice issued", new InvoiceEvent.Issued(INVOICE, AT),
                        "invoiceiq.invoices.created", Tags.empty()),
                new Row("invoice sent on WhatsApp", new InvoiceEvent.Sent(INVOICE, Channel.WHATSAPP, AT),
                        "invoiceiq.invoices.sent", Tags.of("channel", "whatsapp")),
                new Row("invoice sent by SMS", new InvoiceEvent.Sent(INVOICE, Channel.SMS, AT),
                        "invoiceiq.invoices.sent", Tags.of("channel", "sms")),
                new Row("invoice paid", new InvoiceEvent.Paid(INVOICE, RECEIPT, Duration.ofMinutes(3), AT),
                        "invoiceiq.invoices.paid", Tags.empty()),
                new Row("invoice paid after cancellation",
                        new InvoiceEvent.PaidAfterCancellation(INVOICE, RECEIPT, Duration.ofHours(2), AT),
                        "invoiceiq.invoices.paid", Tags.empty()),
                new Row("part payment", new InvoiceEvent.PartPaymentReceived(INVOICE, Money.ofShillings(1_000),
                        Money.ofShillings(1_500), AT), "invoiceiq.part.payments", Tags.empty()),
                new Row("delivery failed on every channel", new InvoiceEvent.DeliveryFailed(INVOICE, AT),
                        "invoiceiq.invoices.delivery.failed", Tags.empty()),
                new Row("double payment", new InvoiceEvent.DoublePaymentReceived(INVOICE, RECEIPT,
                        Money.ofShillings(2_500), AT), null,
                        Tags.empty()),
                new Row("cancelled", new InvoiceEvent.Cancelled(INVOICE, AT), null, Tags.empty()),
                new Row("reminder", new InvoiceEvent.ReminderRequested(INVOICE, 1, AT), null, Tags.empty()),
                new Row("redelivery", new InvoiceEvent.RedeliveryRequested(INVOICE, 1, AT), null, Tags.empty()),
                new Row("payment requested", new PaymentEvent.Requested(INVOICE, PAYMENT, AT), null, Tags.empty()),
                new Row("payment succeeded", new PaymentEvent.Succeeded(INVOICE, PAYMENT, AT),
                        "invoiceiq.payments", Tags.of("result", "success")),
                new Row("payment expired (reconciler)", new PaymentEvent.Expired(INVOICE, PAYMENT, AT),
                        "invoiceiq.payments", Tags.of("result", "expired")),
                new Row("push refused on the spot", new PaymentEvent.Failed(INVOICE, PAYMENT, StkReason.UNAVAILABLE,
                        AT), "invoiceiq.payments", Tags.of("result", "unavailable")),
                new Row("unmatched payment raised", new UnmatchedPaymentEvent.Raised(UNMATCHED, AT),
                        "invoiceiq.unmatched.payments.raised", Tags.empty()),
                new Row("unmatched payment applied", new UnmatchedPaymentEvent.Applied(UNMATCHED, INVOICE, AT), null,
                        Tags.empty()),
                new Row("cancelled by user (1032)",
                        new PaymentEvent.Failed(INVOICE, PAYMENT, StkReason.CANCELLED_BY_USER, AT),
                        "invoiceiq.payments", Tags.of("result", "cancelled_by_user")),
                new Row("expired on the phone (1019)",
                        new PaymentEvent.Failed(INVOICE, PAYMENT, StkReason.EXPIRED, AT),
                        "invoiceiq.payments", Tags.of("result", "expired")),
                new Row("unknown result code", new PaymentEvent.Failed(INVOICE, PAYMENT, StkReason.OTHER, AT),
                        "invoiceiq.payments", Tags.of("result", "other")),
                new Row("a failure claiming PAID", new PaymentEvent.Failed(INVOICE, PAYMENT, StkReason.PAID, AT),
                        "invoiceiq.payments", Tags.of("result", "other")),
                new Row("WhatsApp accepted", new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.ACCEPTED, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "whatsapp", "outcome", "accepted")),
                new Row("WhatsApp retry later",
                        new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.RETRY_LATER, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "whatsapp", "outcome", "retry_later")),
                new Row("SMS undeliverable", new MessageEvent.Dispatched(Channel.SMS, Outcome.UNDELIVERABLE, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "sms", "outcome", "undeliverable")),
                new Row("SMS misconfigured", new MessageEvent.Dispatched(Channel.SMS, Outcome.MISCONFIGURED, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "sms", "outcome", "misconfigured")),
                new Row("WhatsApp skipped", new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.SKIPPED, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "whatsapp", "outcome", "skipped")),
                new Row("WhatsApp deferred", new MessageEvent.Dispatched(Channel.WHATSAPP, Outcome.DEFERRED, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "whatsapp", "outcome", "deferred")),
                new Row("SMS coalesced", new MessageEvent.Dispatched(Channel.SMS, Outcome.COALESCED, AT),
                        "invoiceiq.messages.sent", Tags.of("channel", "sms", "outcome", "coalesced")),
                new Row("WhatsApp message given up", new InboundMessageEvent.GaveUp(Channel.WHATSAPP, AT),
                        "invoiceiq.inbound.given.up", Tags.of("channel", "whatsapp")),
                new Row("SMS given up", new InboundMessageEvent.GaveUp(Channel.SMS, AT),
                        "invoiceiq.inbound.given.up", Tags.of("channel", "sms")),
                new Row("WhatsApp message too old", new InboundMessageEvent.TooOld(Channel.WHATSAPP, AT),
                        "invoiceiq.inbound.too.old", Tags.of("channel", "whatsapp")),
                new Row("SMS too old", new InboundMessageEvent.TooOld(Channel.SMS, AT),
                        "invoiceiq.inbound.too.old", Tags.of("channel", "sms")),
                new Row("some other event", (DomainEvent) () -> AT, null, Tags.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenEvent_whenPublished_thenExactlyItsSeriesMovesByOne(Row row) {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerDomainEvents(registry);
        Map<String, Double> before = counters(registry);

        metrics.publish(row.event());

        Map<String, Double> moved = new TreeMap<>();
        counters(registry).forEach((series, value) -> {
            if (value - before.getOrDefault(series, 0.0) != 0) {
                moved.put(series, value - before.getOrDefault(series, 0.0));
            }
        });
        if (row.meter() == null) {
            assertThat(moved).as("no counter moves").isEmpty();
        } else {
            assertThat(moved).containsExactly(Map.entry(series(row.meter(), row.tags()), 1.0));
            assertThat(registry.get(row.meter()).tags(row.tags()).counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void givenNewRegistry_whenStarted_thenEveryKnownSeriesExistsAtZero() {
        var registry = new SimpleMeterRegistry();
        new MicrometerDomainEvents(registry);

        Map<String, Double> counters = counters(registry);

        assertThat(counters.values()).containsOnly(0.0);
        assertThat(counters).containsKeys(
                "invoiceiq.invoices.created",
                "invoiceiq.invoices.paid",
                "invoiceiq.invoices.delivery.failed",
                "invoiceiq.invoices.sent{channel=sms}",
                "invoiceiq.invoices.sent{channel=whatsapp}",
                "invoiceiq.payments{result=success}",
                "invoiceiq.payments{result=expired}",
                "invoiceiq.payments{result=unavailable}",
                "invoiceiq.unmatched.payments.raised",
                "invoiceiq.part.payments",
                "invoiceiq.payments{result=cancelled_by_user}",
                "invoiceiq.payments{result=insufficient_funds}",
                "invoiceiq.payments{result=wrong_pin}",
                "invoiceiq.payments{result=other}",
                "invoiceiq.messages.sent{channel=sms,outcome=accepted}",
                "invoiceiq.messages.sent{channel=whatsapp,outcome=skipped}",
                "invoiceiq.inbound.given.up{channel=whatsapp}",
                "invoiceiq.inbound.given.up{channel=sms}",
                "invoiceiq.inbound.too.old{channel=whatsapp}",
                "invoiceiq.inbound.too.old{channel=sms}");
        assertThat(counters).doesNotContainKey("invoiceiq.payments{result=paid}");
        assertThat(counters).doesNotContainKey("invoiceiq.payments{result=no_answer}");
        assertThat(counters.keySet()).filteredOn(k -> k.startsWith("invoiceiq.messages.sent")).hasSize(
                Channel.values().length * Outcome.values().length);
        assertThat(registry.get("invoiceiq.time.to.pay").timer().count()).isZero();
    }

    /** Label values come from enums only: a bounded set, and never an id, a phone number or a name. */
    @Test
    void givenEveryEvent_whenPublished_thenNoLabelValueCarriesAnIdOrAPhoneNumber() {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerDomainEvents(registry);

        events().map(Row::event).forEach(metrics::publish);

        List<Tag> tags = registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).toList();
        // "le": the bucket bounds of the time-to-pay histogram, which this registry shows as gauges
        assertThat(tags).filteredOn(t -> t.getKey().equals("le")).extracting(Tag::getValue)
                .allSatisfy(v -> assertThat(v).matches("\\d+"));
        List<String> values = tags.stream().filter(t -> !t.getKey().equals("le")).map(Tag::getValue).toList();
        assertThat(values).isNotEmpty().allSatisfy(v -> {
            assertThat(v).matches("[a-z_]+");
            assertThat(v).doesNotContain(INVOICE.value(), PAYMENT.value(), "NLJ7RT61SV");
        });
    }

    @Test
    void givenPaidEvents_whenPublished_thenTimeToPayLandsInItsBuckets() {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerDomainEvents(registry);

        metrics.publish(new InvoiceEvent.Paid(INVOICE, RECEIPT, Duration.ofSeconds(20), AT));
        metrics.publish(new InvoiceEvent.Paid(INVOICE, RECEIPT, Duration.ofMinutes(4), AT));
        metrics.publish(new InvoiceEvent.PaidAfterCancellation(INVOICE, RECEIPT, Duration.ofDays(2), AT));
        metrics.publish(new InvoiceEvent.Paid(INVOICE, RECEIPT, Duration.ofDays(30), AT));
        // a part payment is no payment of the invoice: it leaves time to pay alone
        metrics.publish(new InvoiceEvent.PartPaymentReceived(INVOICE, Money.ofShillings(1), Money.ofShillings(1), AT));

        Timer timer = registry.get("invoiceiq.time.to.pay").timer();
        assertThat(timer.count()).isEqualTo(4);
        assertThat(timer.totalTime(TimeUnit.SECONDS))
                .isEqualTo(20 + 4 * 60 + 2 * 86_400 + 30 * 86_400);
        Map<Double, Double> cumulative = new TreeMap<>();
        for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
            cumulative.put(bucket.bucket(TimeUnit.SECONDS), bucket.count());
        }
        assertThat(cumulative.keySet()).containsExactly(30.0, 60.0, 300.0, 900.0, 3_600.0, 21_600.0, 86_400.0,
                259_200.0, 604_800.0);
        assertThat(cumulative).containsEntry(30.0, 1.0).containsEntry(60.0, 1.0).containsEntry(300.0, 2.0)
                .containsEntry(86_400.0, 2.0).containsEntry(259_200.0, 3.0).containsEntry(604_800.0, 3.0);
        assertThat(Arrays.stream(MicrometerDomainEvents.TIME_TO_PAY_BUCKETS).map(Duration::getSeconds))
                .containsExactly(30L, 60L, 300L, 900L, 3_600L, 21_600L, 86_400L, 259_200L, 604_800L);
    }

    /** Every counter as {@code name{k=v,…}} → count. */
    private static Map<String, Double> counters(SimpleMeterRegistry registry) {
        Map<String, Double> counters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof Counter counter) {
                counters.put(series(meter.getId().getName(), Tags.of(meter.getId().getTags())), counter.count());
            }
        }
        return counters;
    }

    private static String series(String name, Tags tags) {
        List<String> pairs = tags.stream().map(t -> t.getKey() + "=" + t.getValue()).sorted().toList();
        return pairs.isEmpty() ? name : name + "{" + String.join(",", pairs) + "}";
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void givenEveryOutcomeOnEveryChannel_whenPublished_thenItsOwnSeriesCounts(Outcome outcome) {
        var registry = new SimpleMeterRegistry();
        var metrics = new MicrometerDomainEvents(registry);

        for (Channel channel : Channel.values()) {
            metrics.publish(new MessageEvent.Dispatched(channel, outcome, AT));
        }

        for (Channel channel : Channel.values()) {
            assertThat(registry.get("invoiceiq.messages.sent")
                    .tags("channel", channel.name().toLowerCase(), "outcome", outcome.name().toLowerCase())
                    .counter().count()).isEqualTo(1.0);
        }
    }
}
