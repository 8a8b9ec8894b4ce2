package ke.invoiceiq.adapters.whatsapp.inbound;

import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeper's own thread, with a real dispatcher (real threads) over the in-memory inbox, and a tick of an hour:
 * whatever it does within seconds, it did because it found work or was told, not because the tick came.
 */
class WebhookInboxSweeperTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingInboundMessages inbound = new RecordingInboundMessages();
    private final RecordingDeliveryReports statuses = new RecordingDeliveryReports();
    private final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    private final DirectTransactions transactions = new DirectTransactions();
    private final Clock clock = Clock.systemUTC();
    private WebhookDispatcher dispatcher;
    private WebhookInboxSweeper sweeper;

    private void start(int queue) {
        dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions, new ObjectMapper(), clock,
                Optional.empty(), 4, queue, 5, "10s");
        sweeper = new WebhookInboxSweeper(inbox, transactions, dispatcher, clock, "1h");
        sweeper.start(null);
    }

    @AfterEach
    void stop() {
        if (sweeper != null) {
            sweeper.stop(null);
            dispatcher.shutdown();
        }
    }

    /** A webhook carrying one text of {@code from}, stored and left (its queue was full). */
    private StoredWebhook leftInTheInbox(Msisdn from, String wamid, Instant receivedAt) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
                "messages":[{"from":"%s","id":"%s","timestamp":"1749416400","type":"text",
                "text":{"body":"hi"}}]}}]}]}"""
                .formatted(from.value(), wamid);
        var message = new WebhookEvent.Message(new InboundMessage("whatsapp", wamid, Channel.WHATSAPP,
                Optional.of(from), Optional.empty(), new InboundContent.Text("hi"), receivedAt));
        return inbox.store("whatsapp", body.getBytes(StandardCharsets.UTF_8), receivedAt, Optional.empty(),
                WebhookDispatcher.sendersOf(List.of(message)), Optional.empty());
    }

    @Test
    void givenABacklogOfSeveralBatches_whenTheSweeperRuns_thenItClaimsAgainAtOnceUntilAllIsProcessedOldestFirst() {
        Instant burst = Instant.now().minusSeconds(30);
        for (int i = 0; i < 350; i++) {
            leftInTheInbox(new Msisdn("2547220%05d".formatted(i % 70)), "wamid.BACKLOG" + i, burst.plusMillis(i));
        }

        start(120);

        eventually(WAIT, () -> inbox.countUnprocessed() == 0);
        assertThat(inbound.messages()).hasSize(350);
        for (int sender = 0; sender < 70; sender++) {
            String from = "2547220%05d".formatted(sender);
            assertThat(inbound.messages()).filteredOn(m -> m.from().orElseThrow().value().equals(from))
                    .extracting(InboundMessage::providerMessageId).as("each sender's in the order they came")
                    .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        }
    }

    @Test
    void givenOneSendersBacklogOfSeveralBatches_whenTheSweeperRuns_thenAllIsWorkedOffInOrderWithoutWaitingForTheTick() {
        Msisdn merchant = new Msisdn("254700000001");
        Instant burst = Instant.now().minusSeconds(30);
        for (int i = 0; i < 250; i++) {
            leftInTheInbox(merchant, "wamid.BACKLOG" + i, burst.plusMillis(i));
        }

        start(120);

        eventually(WAIT, () -> inbox.countUnprocessed() == 0);
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b))).hasSize(250);
    }

    private static int number(String wamid) {
        return Integer.parseInt(wamid.substring("wamid.BACKLOG".length()));
    }

    @Test
    void givenAFullDispatcherRefusedAWebhook_whenThereIsRoomAgain_thenTheSweeperTakesItWithoutWaitingForTheTick() {
        start(1);
        CountDownLatch payTap = inbound.holdPayTaps();
        var tap = List.<WebhookEvent>of(new WebhookEvent.Message(new InboundMessage("whatsapp", "wamid.PAY",
                Channel.WHATSAPP, Optional.of(new Msisdn("254722000001")), Optional.empty(),
                new InboundContent.ButtonTap("pay_INV-7K3Q9X"), Instant.now())));
        StoredWebhook held = inbox.store("whatsapp", "{}".getBytes(StandardCharsets.UTF_8), Instant.now(),
                Optional.empty(), WebhookDispatcher.sendersOf(tap), Optional.of(Instant.now().plusSeconds(60)));
        assertThat(dispatcher.submit(held, tap)).isTrue();
        StoredWebhook refused = leftInTheInbox(new Msisdn("254722000002"), "wamid.REFUSED", Instant.now());
        assertThat(dispatcher.submit(refused)).isFalse();

        payTap.countDown();

        eventually(WAIT, () -> inbox.isProcessed(refused.id()));
        assertThat(inbox.isProcessed(held.id())).isTrue();
    }
}
