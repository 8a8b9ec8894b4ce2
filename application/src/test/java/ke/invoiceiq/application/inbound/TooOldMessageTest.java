package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.InboundMessageEvent;
import org.junit.jupiter.api.Test;

/**
 * A message sent longer ago than the de-duplication marks are kept (the purge's {@code inbound-events} retention,
 * 14 days) is ignored: its mark may be gone, so a replay of its signed webhook would be handled twice.
 */
class TooOldMessageTest {

    private static final Duration RETENTION = RetentionSettings.DEFAULT.inboundEvents();

    private final Wiring app = new Wiring();

    private InboundMessage whatsapp(Msisdn from, String text, Instant sentAt) {
        return new InboundMessage("whatsapp", app.nextWamid(), Channel.WHATSAPP, Optional.of(from), Optional.empty(),
                new InboundContent.Text(text), sentAt);
    }

    @Test
    void givenAnInvoiceCommandSentLongerAgoThanTheRetention_whenHandled_thenNothingIsCreatedSentOrMarkedAndItIsCounted() {
        var message = whatsapp(MERCHANT, "invoice 0712345678 2500 Cleaning",
                app.now().minus(RETENTION).minusSeconds(1));

        var outcome = app.handle(message);

        assertThat(outcome).isEqualTo(new HandleInboundMessageOutcome.TooOld());
        assertThat(app.invoices()).isEmpty();
        assertThat(app.ports.outbox().all()).isEmpty();
        assertThat(app.ports.inboundEvents().seen(message.provider(), message.providerMessageId())).isFalse();
        assertThat(app.ports.events().published(InboundMessageEvent.TooOld.class)).singleElement()
                .satisfies(tooOld -> assertThat(tooOld.channel()).isEqualTo(Channel.WHATSAPP));
    }

    @Test
    void givenAPayTypedLongerAgoThanTheRetention_whenHandled_thenNoPaymentIsAskedFor() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        int queued = app.outboxTo(CUSTOMER).size();

        var outcome = app.handle(whatsapp(CUSTOMER, "pay " + invoice.id().value(),
                app.now().minus(RETENTION.plusDays(30))));

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.TooOld.class);
        assertThat(app.payments.requests()).isEmpty();
        assertThat(app.outboxTo(CUSTOMER)).hasSize(queued);
    }

    @Test
    void givenAnSmsSentLongerAgoThanTheRetention_whenHandled_thenItIsIgnoredAndCountedAsSms() {
        var outcome = app.handle(new InboundMessage("africastalking", "ATXid_old", Channel.SMS, Optional.of(MERCHANT),
                Optional.empty(), new InboundContent.Text("invoice 0712345678 2500 Cleaning"),
                app.now().minus(RETENTION).minusSeconds(1)));

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.TooOld.class);
        assertThat(app.invoices()).isEmpty();
        assertThat(app.ports.events().published(InboundMessageEvent.TooOld.class)).singleElement()
                .satisfies(tooOld -> assertThat(tooOld.channel()).isEqualTo(Channel.SMS));
    }

    @Test
    void givenAMessageExactlyAsOldAsTheRetention_whenHandled_thenItIsHandledAsItsMarkIsStillKept() {
        var outcome = app.handle(whatsapp(MERCHANT, "invoice 0712345678 2500 Cleaning", app.now().minus(RETENTION)));

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.HandledForMerchant.class);
        assertThat(app.invoices()).hasSize(1);
        assertThat(app.ports.events().published(InboundMessageEvent.TooOld.class)).isEmpty();
    }

    @Test
    void givenAMessageFromWithinTheRetention_whenHandled_thenItIsHandled() {
        var outcome = app.handle(whatsapp(MERCHANT, "invoice 0712345678 2500 Cleaning",
                app.now().minus(RETENTION).plusSeconds(60)));

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.HandledForMerchant.class);
        assertThat(app.invoices()).hasSize(1);
        assertThat(app.ports.events().published(InboundMessageEvent.TooOld.class)).isEmpty();
    }
}
