package ke.invoiceiq.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers on two threads, each with its own transaction and connection. The first holds its claim's
 * transaction open (its rows stay locked and, to the second, still look due): the second must skip those rows,
 * not wait for them and not take them.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxSkipLockedTest {

    private static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    TestDatabase database;

    @Inject
    Outbox outbox;

    private ExecutorService threads;

    @BeforeEach
    void setUp() {
        database.clean();
        threads = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 10; i++) {
            outbox.enqueue(OutboxMessage.queue("m-%02d".formatted(i), new Msisdn("254700000001"),
                    MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP, OutboundContent.text("hello " + i),
                    NOW.plusSeconds(i)));
        }
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void aSecondClaimerSkipsTheRowsAFirstOneHoldsAndTakesTheOthers() throws Exception {
        var firstClaimed = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);

        CompletableFuture<List<OutboxMessage>> first = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    List<OutboxMessage> mine = outbox.claimDue("first", NOW.plusSeconds(60), LEASE, 4);
                    firstClaimed.countDown();
                    // Keep the transaction (and the row locks) open until the second claimer is done.
                    assertThat(secondDone.await(20, TimeUnit.SECONDS)).isTrue();
                    return mine;
                }), threads);
        assertThat(firstClaimed.await(20, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<OutboxMessage>> second = CompletableFuture.supplyAsync(
                () -> outbox.claimDue("second", NOW.plusSeconds(60), LEASE, 100), threads);
        List<OutboxMessage> secondClaim = second.get(20, TimeUnit.SECONDS);
        secondDone.countDown();
        List<OutboxMessage> firstClaim = first.get(20, TimeUnit.SECONDS);

        assertThat(firstClaim).extracting(OutboxMessage::id).containsExactly("m-00", "m-01", "m-02", "m-03");
        assertThat(secondClaim).extracting(OutboxMessage::id)
                .containsExactly("m-04", "m-05", "m-06", "m-07", "m-08", "m-09");
        var all = new HashSet<String>();
        firstClaim.forEach(m -> all.add(m.id()));
        secondClaim.forEach(m -> all.add(m.id()));
        assertThat(all).hasSize(10);
        assertThat(outbox.claimDue("third", NOW.plusSeconds(60), LEASE, 100)).isEmpty();
        assertThat(outbox.find("m-00").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    void manyClaimersOnTheirOwnConnectionsShareTheRowsWithoutOverlap() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var go = new CountDownLatch(1);
            var futures = new java.util.ArrayList<CompletableFuture<List<String>>>();
            for (int t = 0; t < 8; t++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    String claim = "claimer-" + Thread.currentThread().threadId();
                    return outbox.claimDue(claim, NOW.plusSeconds(60), LEASE, 2).stream().map(OutboxMessage::id)
                            .toList();
                }, pool));
            }
            go.countDown();
            var claimed = new java.util.ArrayList<String>();
            for (var f : futures) {
                claimed.addAll(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(claimed).doesNotHaveDuplicates().hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
