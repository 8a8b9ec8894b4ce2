package ke.invoiceiq.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.ThreadLocalTracing;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.application.chat.ExpireChatSessionsReport;
import ke.invoiceiq.application.messaging.DispatchReport;
import ke.invoiceiq.application.payment.ReconcileReport;
import ke.invoiceiq.application.retention.PurgeReport;
import ke.invoiceiq.application.settings.DispatchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A dispatch tick drains a backlog batch by batch, but never without end, and one drain runs at a time. */
class ScheduledJobsTest {

    private static final int BATCH = DispatchSettings.DEFAULT.batchSize();

    @ParameterizedTest(name = "claims {0} -> {1} dispatch runs")
    @CsvSource({
            "'0', 1",
            "'7', 1",
            "'50,3', 2",
            "'50,50,0', 3",
            "'50,50,50,50,50,50,50,50,50,50,50,50', 10",
    })
    void givenBatchesClaimed_whenTheDispatchJobTicks_thenItRunsUntilABatchComesBackShort(String claims, int runs) {
        Deque<Integer> claimed = new ArrayDeque<>();
        for (String c : claims.split(",")) {
            claimed.add(Integer.parseInt(c.strip()));
        }
        AtomicInteger calls = new AtomicInteger();
        var jobs = jobs(() -> {
            calls.incrementAndGet();
            int n = claimed.isEmpty() ? 0 : claimed.poll();
            return new DispatchReport(n, n, 0, 0, 0, 0, 0, 0, 0, 0);
        });

        jobs.dispatchOutbox();

        assertThat(calls).hasValue(runs);
    }

    @Test
    void givenEveryBatchFull_whenTheDispatchJobTicks_thenItStopsAtTheCap() {
        AtomicInteger calls = new AtomicInteger();
        var jobs = jobs(() -> {
            calls.incrementAndGet();
            return new DispatchReport(BATCH, BATCH, 0, 0, 0, 0, 0, 0, 0, 0);
        });

        jobs.dispatchOutbox();

        assertThat(calls).hasValue(ScheduledJobs.MAX_BATCHES_PER_TICK);
    }

    @Test
    void givenADrainRunning_whenAWakeUpComes_thenItReturnsAtOnceAndTheRunningOneDrainsOnceMore()
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        var wakeUpReturned = new java.util.concurrent.CountDownLatch(1);
        var holder = new java.util.concurrent.atomic.AtomicReference<ScheduledJobs>();
        var jobs = jobs(() -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (calls.incrementAndGet() == 1) {
                    // a message queued while the first drain runs: its wake-up must not wait for it
                    Thread wakeUp = Thread.ofPlatform().start(() -> {
                        holder.get().dispatchOutbox();
                        wakeUpReturned.countDown();
                    });
                    wakeUp.join(10_000);
                }
                return new DispatchReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        });
        holder.set(jobs);

        jobs.dispatchOutbox();

        assertThat(wakeUpReturned.getCount()).as("the wake-up returned while the drain ran").isZero();
        assertThat(calls).as("the running drain ran once more for it").hasValue(2);
        assertThat(mostInside).as("never two drains at once").hasValue(1);
    }

    @Test
    void givenATick_whenItsUseCaseRuns_thenItRunsUnderAnIdOfItsOwnAndLeavesNoneBehind() {
        var tracing = new ThreadLocalTracing();
        List<Optional<String>> seen = new ArrayList<>();
        var jobs = new ScheduledJobs(() -> {
            seen.add(tracing.currentCorrelationId());
            return new DispatchReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }, () -> {
            seen.add(tracing.currentCorrelationId());
            return new ExpireChatSessionsReport(0, 0, 0, 0);
        }, () -> new ReconcileReport(0, 0, 0, 0, 0, 0, 0, false, 0), () -> new PurgeReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                DispatchSettings.DEFAULT, tracing);

        jobs.dispatchOutbox();
        jobs.expireChatSessions();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).hasValueSatisfying(id -> assertThat(id).matches("job-dispatch-[0-9a-f]{8}"));
        assertThat(seen.get(1)).hasValueSatisfying(id -> assertThat(id).matches("job-chat-expiry-[0-9a-f]{8}"));
        assertThat(tracing.currentCorrelationId()).isEmpty();
    }

    @Test
    void givenEachJob_whenItTicks_thenItRunsItsUseCaseOnce() {
        AtomicInteger expiries = new AtomicInteger();
        AtomicInteger reconciles = new AtomicInteger();
        AtomicInteger purges = new AtomicInteger();
        var jobs = new ScheduledJobs(() -> new DispatchReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                () -> {
                    expiries.incrementAndGet();
                    return new ExpireChatSessionsReport(0, 0, 0, 0);
                },
                () -> {
                    reconciles.incrementAndGet();
                    return new ReconcileReport(0, 0, 0, 0, 0, 0, 0, false, 0);
                },
                () -> {
                    purges.incrementAndGet();
                    return new PurgeReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                },
                DispatchSettings.DEFAULT, new ThreadLocalTracing());

        jobs.expireChatSessions();
        jobs.reconcilePayments();
        jobs.purgeExpiredData();

        assertThat(expiries).hasValue(1);
        assertThat(reconciles).hasValue(1);
        assertThat(purges).hasValue(1);
    }

    private static ScheduledJobs jobs(ke.invoiceiq.application.messaging.DispatchOutboxUseCase dispatch) {
        return new ScheduledJobs(dispatch, () -> new ExpireChatSessionsReport(0, 0, 0, 0),
                () -> new ReconcileReport(0, 0, 0, 0, 0, 0, 0, false, 0), () -> new PurgeReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                DispatchSettings.DEFAULT, new ThreadLocalTracing());
    }
}
