package ke.invoiceiq.adapters.daraja.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** STK callback fixtures from {@code src/test/resources/callbacks}, shaped like docs/daraja.md. */
final class Callbacks {

    private Callbacks() {
    }

    static byte[] callback(String name) {
        try (InputStream in = Callbacks.class.getResourceAsStream("/callbacks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
