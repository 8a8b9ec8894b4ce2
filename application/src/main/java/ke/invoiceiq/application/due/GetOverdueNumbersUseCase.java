package ke.invoiceiq.application.due;

/** Driving port: the overdue invoices' count and what is still owed on them, now (for {@code /stats/summary}). */
public interface GetOverdueNumbersUseCase {

    OverdueNumbers overdue();
}
