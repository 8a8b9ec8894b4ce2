package ke.invoiceiq.domain.payment;

import java.util.Objects;

/** How M-PESA says one STK push ended: its result code and description, as given. */
public record StkResult(int code, String description) {

    public StkResult {
        Objects.requireNonNull(description, "description");
    }

    public static StkResult of(int code) {
        return new StkResult(code, "");
    }

    public boolean isSuccess() {
        return code == 0;
    }

    public StkReason reason() {
        return StkReason.of(code);
    }
}
