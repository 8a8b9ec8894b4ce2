package ke.invoiceiq.domain.export;

import java.time.Instant;
import java.util.Objects;

/** Where a page of {@link MoneyReceived} ended: the next page starts strictly after this time and key. */
public record MoneyInCursor(Instant receivedAt, String key) {

    public MoneyInCursor {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(key, "key");
    }

    public static MoneyInCursor after(MoneyIn last) {
        return new MoneyInCursor(last.receivedAt(), last.key());
    }
}
