package ke.invoiceiq.bootstrap.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import ke.invoiceiq.adapters.postgres.OutboxRowQueued;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes this instance's dispatcher when a unit of work that queued a message commits, so the message leaves at once
 * rather than at the next poll ({@code invoiceiq.jobs.dispatch-every}, which stays as the safety net and is what
 * wakes the other instances). Wake-ups that come while one is pending are one wake-up. Off with the poll
 * ({@code off}: the tests drive the dispatcher themselves), and neither before the application has started nor
 * once it stops, like the scheduled jobs.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);

    private final ScheduledJobs jobs;
    private final boolean on;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean running;
    private volatile ExecutorService thread;

    OutboxWakeUp(ScheduledJobs jobs, @ConfigProperty(name = "invoiceiq.jobs.dispatch-every") String every) {
        this.jobs = jobs;
        this.on = !"off".equalsIgnoreCase(every.strip());
    }

    void start(@Observes StartupEvent started) {
        if (on) {
            thread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("outbox-wake-up").factory());
            running = true;
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (thread != null) {
            thread.shutdown();
        }
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRowQueued queued) {
        if (!running || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                pending.set(false);
                if (running) {
                    jobs.dispatchOutbox();
                }
            });
        } catch (RuntimeException e) {
            // stopping: the next instance's poll takes the message
            pending.set(false);
            LOG.debugf("outbox wake-up not taken: %s", e.getClass().getSimpleName());
        }
    }
}
