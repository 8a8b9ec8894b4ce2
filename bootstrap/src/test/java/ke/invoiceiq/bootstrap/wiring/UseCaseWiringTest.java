package ke.invoiceiq.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.wiring.Core;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import org.junit.jupiter.api.Test;

/** The producers put the rings together: a merchant's one-line command, through CDI, reaches the customer. */
@QuarkusTest
class UseCaseWiringTest {

    private static final Msisdn MERCHANT = new Msisdn("254700000001");
    private static final Msisdn CUSTOMER = new Msisdn("254712345678");

    @Inject
    HandleInboundMessageUseCase inbound;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    RequestPaymentUseCase requestPayment;

    @Inject
    RecordPaymentResultUseCase recordPaymentResult;

    @Inject
    OutboxWriter outboxWriter;

    @Inject
    Core core;

    @Inject
    InvoiceRepository invoices;

    @Inject
    ChatMessenger chat;

    @Inject
    Clock clock;

    @Test
    void givenMerchantOneLineCommand_whenDispatched_thenCustomerGetsThePayButtonAndInvoiceIsSent()
            throws InterruptedException {
        // The stand-in is @ApplicationScoped: the injected object is its client proxy, unwrap it to inspect.
        var whatsapp = (RecordingChatMessenger) ClientProxy.unwrap(chat);
        int before = whatsapp.sent().size();

        inbound.handle(new InboundMessage("whatsapp", "wamid.wiring-1", Channel.WHATSAPP, Optional.of(MERCHANT),
                Optional.empty(), new InboundContent.Text("invoice 0712345678 2500 Cleaning"), clock.instant()));
        // the customer may have been messaged by an earlier test less than the pair interval ago: wait for the turn
        Instant giveUp = Instant.now().plusSeconds(10);
        while (whatsapp.sent().subList(before, whatsapp.sent().size()).stream()
                .noneMatch(m -> m.to().equals(CUSTOMER)) && Instant.now().isBefore(giveUp)) {
            if (dispatcher.dispatch().claimed() == 0) {
                Thread.sleep(50);
            }
        }

        var toCustomer = whatsapp.sent().subList(before, whatsapp.sent().size()).stream()
                .filter(m -> m.to().equals(CUSTOMER))
                .toList();
        assertThat(toCustomer).hasSize(1);
        var invoiceMessage = (ChatMessage.Buttons) toCustomer.getFirst();
        assertThat(invoiceMessage.body()).contains("KES 2,500").contains("Cleaning");
        assertThat(invoiceMessage.buttons().getFirst().title()).isEqualTo("Pay with M-PESA");
        String invoiceId = invoiceMessage.buttons().getFirst().id().substring("pay_".length());
        assertThat(invoices.latest(Optional.empty(), 10))
                .anySatisfy(i -> {
                    assertThat(i.id().value()).isEqualTo(invoiceId);
                    assertThat(i.status()).isEqualTo(InvoiceStatus.SENT);
                });
    }

    @Test
    void givenTheApplication_whenUseCasesAreInjected_thenEachIsTheOneCoreBuilt() {
        // the use-case beans are @ApplicationScoped: what is injected is a client proxy, the instance is behind it
        assertThat(ClientProxy.unwrap(inbound)).isSameAs(core.handleInboundMessage());
        assertThat(ClientProxy.unwrap(dispatcher)).isSameAs(core.dispatchOutbox());
        assertThat(ClientProxy.unwrap(requestPayment)).isSameAs(core.requestPayment());
        assertThat(ClientProxy.unwrap(recordPaymentResult)).isSameAs(core.recordPaymentResult());
        assertThat(ClientProxy.unwrap(outboxWriter)).isSameAs(core.outboxWriter());
    }
}
