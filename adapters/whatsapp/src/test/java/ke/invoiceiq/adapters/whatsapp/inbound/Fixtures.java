package ke.invoiceiq.adapters.whatsapp.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Webhook fixtures from {@code src/test/resources/webhooks}, Meta's signature, and a short poll. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] webhook(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(byte[] body) {
        return WebhookSignature.headerValue(body, WebhookTestProfile.APP_SECRET);
    }

    /** Polls every 20 ms until {@code condition} holds; fails after {@code timeout}. */
    static void eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
