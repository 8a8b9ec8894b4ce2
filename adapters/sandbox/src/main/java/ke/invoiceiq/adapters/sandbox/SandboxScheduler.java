package ke.invoiceiq.adapters.sandbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The simulated providers' sense of "a moment later": status events, auto-answers and callbacks run here, on a few
 * daemon threads of the sandbox's own (created on first use, so a service without the sandbox has none). A task that
 * fails is logged with what it was and the exception type, never with its data. Once the application shuts down,
 * nothing more runs: a status event due then would only knock on a closing server.
 */
@Singleton
public class SandboxScheduler {

    private static final Logger LOG = Logger.getLogger(SandboxScheduler.class);
    private static final int THREADS = 2;

    private volatile ScheduledExecutorService executor;
    private volatile boolean stopped;

    /** Runs {@code task} after {@code delay}; {@code what} names it in the log should it fail (no personal data). */
    public void after(Duration delay, String what, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            executor().schedule(() -> run(what, task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debugf("sandbox: %s dropped, shutting down", what);
        }
    }

    private void run(String what, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            if (stopped) {
                LOG.debugf("sandbox: %s dropped, shutting down (%s)", what, e.getClass().getSimpleName());
            } else {
                LOG.warnf("sandbox: %s failed (%s: %s)", what, e.getClass().getSimpleName(), safeMessage(e));
            }
        }
    }

    /** Only the sandbox's own exceptions have messages known to be free of data. */
    private static String safeMessage(RuntimeException e) {
        return e instanceof SelfCalls.NotConfigured || e instanceof SelfCalls.SelfCallFailed ? e.getMessage() : "-";
    }

    private ScheduledExecutorService executor() {
        ScheduledExecutorService e = executor;
        if (e == null) {
            synchronized (this) {
                if (executor == null) {
                    AtomicInteger n = new AtomicInteger();
                    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
                        Thread thread = new Thread(runnable, "invoiceiq-sandbox-" + n.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                    pool.setRemoveOnCancelPolicy(true);
                    executor = pool;
                }
                e = executor;
            }
        }
        return e;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
    }
}
