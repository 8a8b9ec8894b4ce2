package ke.invoiceiq.domain.due;

/** What happened to invoices in a stretch of time: how many were issued, how many became PAID. */
public record DayCounts(long issued, long paid) {
    public DayCounts {
        if (issued < 0 || paid < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }
}
