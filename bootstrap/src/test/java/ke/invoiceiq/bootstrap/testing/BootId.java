package ke.invoiceiq.bootstrap.testing;

import jakarta.inject.Singleton;
import java.util.UUID;

/** A fresh value each time the application starts: tells a restarted application from the one before. */
@Singleton
public class BootId {

    private final String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }
}
