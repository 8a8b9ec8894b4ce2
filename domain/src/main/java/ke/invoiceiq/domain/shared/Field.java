package ke.invoiceiq.domain.shared;

/** The input a rejection is about, so every error can name what to fix. */
public enum Field {
    PHONE("phone"),
    CUSTOMER_NAME("customer name"),
    AMOUNT("amount"),
    DESCRIPTION("description"),
    INVOICE_ID("invoice id"),
    IDEMPOTENCY_KEY("idempotency key"),
    COMMAND("command"),
    DUE_DATE("due date");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
