package ke.invoiceiq.adapters.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the sandbox does "a moment later". */
final class Eventually {

    private Eventually() {
    }

    static <T> T get(Duration within, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within + " for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
