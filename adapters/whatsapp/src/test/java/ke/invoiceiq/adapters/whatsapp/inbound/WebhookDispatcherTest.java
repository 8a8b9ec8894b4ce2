package ke.invoiceiq.adapters.whatsapp.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handing events to the use cases, on a direct executor (no threads). */
class WebhookDispatcherTest {

    private final RecordingInboundMessages inbound = new RecordingInboundMessages();
    private final RecordingDeliveryReports statuses = new RecordingDeliveryReports();
    private final List<Runnable> queued = new ArrayList<>();

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
        var dispatcher = new WebhookDispatcher(inbound, statuses, Runnable::run);

        boolean accepted = dispatcher.submit(List.of(message("wamid.1"), message("wamid.BOOM"), status("wamid.S"),
                message("wamid.3")), Optional.empty());

        assertThat(accepted).isTrue();
        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.1", "wamid.BOOM", "wamid.3");
        assertThat(statuses.reports()).extracting(DeliveryReport::providerMessageId).containsExactly("wamid.S");
    }

    @Test
    void givenCorrelationId_whenProcessedOnTheWorker_thenPutBackDuringTheWorkAndRemovedAfter() throws Exception {
        var dispatcher = new WebhookDispatcher(inbound, statuses, queued::add);
        dispatcher.submit(List.of(message("wamid.1")), Optional.of("req-12345678"));

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
    void givenFullQueue_whenSubmitted_thenRefusedAndNothingHandedOn() {
        var dispatcher = new WebhookDispatcher(inbound, statuses, task -> {
            throw new RejectedExecutionException("full");
        });

        assertThat(dispatcher.submit(List.of(message("wamid.1")), Optional.empty())).isFalse();
        assertThat(inbound.calls()).isEmpty();
    }

    @Test
    void givenNoEvents_whenSubmitted_thenAcceptedWithoutQueueingWork() {
        var dispatcher = new WebhookDispatcher(inbound, statuses, queued::add);

        assertThat(dispatcher.submit(List.of(), Optional.empty())).isTrue();
        assertThat(queued).isEmpty();
    }

    @Test
    void givenRealExecutor_whenShutDown_thenQueuedWorkIsDrained() throws Exception {
        var dispatcher = new WebhookDispatcher(inbound, statuses, 1, 10);
        dispatcher.submit(List.of(message("wamid.1"), message("wamid.2")), Optional.empty());

        dispatcher.shutdown();

        assertThat(inbound.messages()).extracting(InboundMessage::providerMessageId)
                .containsExactly("wamid.1", "wamid.2");
        assertThat(inbound.calls()).allMatch(c -> c.thread().startsWith("whatsapp-webhook-"));
    }
}
