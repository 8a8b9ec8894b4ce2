package ke.invoiceiq.application.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Starts one task on many threads at the same instant, to make races likely. */
final class Concurrently {

    private static final long TIMEOUT_SECONDS = 30;

    private Concurrently() {
    }

    /** Starts {@code task(0)} … {@code task(threads - 1)} together; the futures, in that order. */
    static <T> Started<T> start(int threads, IntFunction<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.apply(index);
            }));
        }
        ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        go.countDown();
        return new Started<>(pool, futures);
    }

    static <T> List<T> run(int threads, IntFunction<T> task) throws InterruptedException {
        return start(threads, task).results();
    }

    record Started<T>(ExecutorService pool, List<Future<T>> futures) {

        /** The results of the tasks in the order started; waits for them all. */
        List<T> results() throws InterruptedException {
            try {
                var results = new ArrayList<T>();
                for (Future<T> f : futures) {
                    results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
                return results;
            } catch (ExecutionException e) {
                throw new AssertionError("a concurrent call failed", e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("concurrent calls did not finish in " + TIMEOUT_SECONDS + " s", e);
            } finally {
                pool.shutdownNow();
            }
        }

        /** How many tasks have finished so far. */
        long finished() {
            return futures.stream().filter(Future::isDone).count();
        }
    }
}
