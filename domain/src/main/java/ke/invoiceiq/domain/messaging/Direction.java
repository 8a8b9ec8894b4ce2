package ke.invoiceiq.domain.messaging;

public enum Direction {
    IN,
    OUT
}
