package ke.invoiceiq.adapters.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handing a stored webhook's events to the use cases, on a direct executor (no threads), then marking it processed. */
class WebhookDispatcherTest {

    private final RecordingInboundMessages inbound = new RecordingInboundMessages();
    private final RecordingDeliveryReports statuses = new RecordingDeliveryReports();
    private final List<Runnable> queued = new ArrayList<>();
    private final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    private final DirectTransactions transactions = new DirectTransactions();
    private final WebhookPayloadParser parser = new WebhookPayloadParser(new ObjectMapper(), Optional.empty());

    private WebhookDispatcher dispatcher(java.util.concurrent.Executor executor) {
        return new WebhookDispatcher(inbound, statuses, inbox, transactions, parser, executor);
    }

    private StoredWebhook stored(Optional<String> correlationId) {
        return inbox.store("whatsapp", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.EPOCH,
                correlationId);
    }

    @AfterEach
    void clearMdc() {
        MDC.remove(WebhookDispatcher.MDC_KEY);
    }

    private static WebhookEvent message(String wamid) {
        return new WebhookEvent.Message(new InboundMessage("whatsapp", wamid, Channel.WHATSAPP, Optional.empty(),
                Optional.empty(), new InboundContent.Text("hi"), Instant.EPOCH));
    }

    private static WebhookEvent status(String wamid) {
        return new WebhookEvent.Status(new DeliveryReport(Channel.WHATSAPP, wamid, DeliveryStatus.READ,
                Optional.empty(), Instant.EPOCH));
    }

    @Test
    void givenFailingEventInTheMiddle_whenProcessed_thenTheOthersStillRunInOrder() {
        var dispatcher = dispatcher(Runnable::run);
        StoredWebhook stored = stored(Optional.empty());

        boolean accepted = dispatcher.submit(stored, List.of(message("wamid.1"), message("wamid.BOOM"),
                status("wamid.S"), message("wamid.3")));

        assertThat(accepted).isTrue();
        assertThat(inbox.isProcessed(stored.id())).as("marked processed after the events").isTrue();
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.1", "wamid.BOOM", "wamid.3");
        assertThat(statuses.reports()).extracting(DeliveryReport::providerMessageId).containsExactly("wamid.S");
    }

    @Test
    void givenCorrelationId_whenProcessedOnTheWorker_thenPutBackDuringTheWorkAndRemovedAfter() throws Exception {
        var dispatcher = dispatcher(queued::add);
        dispatcher.submit(stored(Optional.of("req-12345678")), List.of(message("wamid.1")));

        Object[] afterwards = new Object[1];
        Thread checking = new Thread(() -> {
            queued.get(0).run();
            afterwards[0] = MDC.get(WebhookDispatcher.MDC_KEY);
        });
        checking.start();
        checking.join();

        assertThat(inbound.calls()).singleElement().extracting(RecordingInboundMessages.Call::correlationId)
                .isEqualTo(Optional.of("req-12345678"));
        assertThat(afterwards[0]).as("removed after the work").isNull();
    }

    @Test
    void givenFullQueue_whenSubmitted_thenRefusedAndLeftUnprocessedForTheSweeper() {
        var dispatcher = dispatcher(task -> {
            throw new RejectedExecutionException("full");
        });
        StoredWebhook stored = stored(Optional.empty());

        assertThat(dispatcher.submit(stored, List.of(message("wamid.1")))).isFalse();
        assertThat(inbound.calls()).isEmpty();
        assertThat(inbox.isProcessed(stored.id())).isFalse();
    }

    @Test
    void givenNoEvents_whenSubmitted_thenMarkedProcessedWithNothingHandedOn() {
        var dispatcher = dispatcher(Runnable::run);
        StoredWebhook stored = stored(Optional.empty());

        assertThat(dispatcher.submit(stored, List.of())).isTrue();
        assertThat(inbound.calls()).isEmpty();
        assertThat(inbox.isProcessed(stored.id())).isTrue();
    }

    @Test
    void givenAStoredWebhook_whenProcessed_thenParsedHandedOnWithItsCorrelationIdAndMarkedProcessed() {
        var dispatcher = dispatcher(queued::add);
        StoredWebhook stored = inbox.store("whatsapp", Fixtures.webhook("text"), Instant.EPOCH,
                Optional.of("req-sweep"));

        dispatcher.process(stored);

        assertThat(inbound.calls()).singleElement().extracting(RecordingInboundMessages.Call::correlationId)
                .isEqualTo(Optional.of("req-sweep"));
        assertThat(inbox.isProcessed(stored.id())).isTrue();
        assertThat(inbox.claimDue(Instant.EPOCH.plus(Duration.ofDays(1)), Duration.ofSeconds(60), 10)).isEmpty();
        assertThat(queued).as("on the caller's thread").isEmpty();
    }

    @Test
    void givenRealExecutor_whenShutDown_thenQueuedWorkIsDrained() throws Exception {
        var dispatcher = new WebhookDispatcher(inbound, statuses, inbox, transactions, new ObjectMapper(),
                Optional.empty(), 1, 10);
        dispatcher.submit(stored(Optional.empty()), List.of(message("wamid.1"), message("wamid.2")));

        dispatcher.shutdown();

        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.1", "wamid.2");
        assertThat(inbound.calls()).allMatch(c -> c.thread().startsWith("whatsapp-webhook-"));
    }
}
