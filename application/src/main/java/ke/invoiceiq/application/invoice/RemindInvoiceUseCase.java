package ke.invoiceiq.application.invoice;

/** Driving port: the merchant asks to nudge the customer about an invoice (chat or REST). */
public interface RemindInvoiceUseCase {

    RemindInvoiceOutcome remind(RemindInvoiceCommand command);
}
