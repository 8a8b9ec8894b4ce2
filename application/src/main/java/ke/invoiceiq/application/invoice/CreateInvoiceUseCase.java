package ke.invoiceiq.application.invoice;

/** Driving port: the merchant bills a customer (chat or REST). */
public interface CreateInvoiceUseCase {

    CreateInvoiceOutcome create(CreateInvoiceCommand command);
}
