package ke.invoiceiq.application.invoice;

/** Driving port: the merchant cancels an invoice (chat or REST). */
public interface CancelInvoiceUseCase {

    CancelInvoiceOutcome cancel(CancelInvoiceCommand command);
}
