package ke.invoiceiq.application.inbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;

/**
 * A stand-in for the payment use case: records every request and answers as scripted; by default the
 * prompt is "on its way" for a known invoice and "not found" for an unknown one.
 */
public final class ScriptedRequestPayment implements RequestPaymentUseCase {

    private final List<RequestPaymentCommand> requests = new CopyOnWriteArrayList<>();
    private final List<Boolean> calledInTransaction = new CopyOnWriteArrayList<>();
    private final InvoiceRepository invoices;
    private final BooleanSupplier inTransaction;
    private volatile Function<RequestPaymentCommand, RequestPaymentOutcome> answer;

    public ScriptedRequestPayment(InvoiceRepository invoices, BooleanSupplier inTransaction) {
        this.invoices = invoices;
        this.inTransaction = inTransaction;
        this.answer = this::initiated;
    }

    @Override
    public RequestPaymentOutcome requestPayment(RequestPaymentCommand command) {
        requests.add(command);
        calledInTransaction.add(inTransaction.getAsBoolean());
        return answer.apply(command);
    }

    public void answerWith(Function<RequestPaymentCommand, RequestPaymentOutcome> next) {
        answer = next;
    }

    public List<RequestPaymentCommand> requests() {
        return List.copyOf(requests);
    }

    /** For each request, whether it came while a unit of work was open (it must not). */
    public List<Boolean> calledInTransaction() {
        return List.copyOf(calledInTransaction);
    }

    private RequestPaymentOutcome initiated(RequestPaymentCommand command) {
        var id = ((RequestPaymentCommand.InvoiceRef.ById) command.invoice()).id();
        return invoices.find(id)
                .<RequestPaymentOutcome>map(invoice -> new RequestPaymentOutcome.Initiated(invoice,
                        Payment.initiate(new PaymentId("pay-" + requests.size()), invoice.id(),
                                command.payer().orElseThrow(), invoice.amount(), command.key(),
                                invoice.createdAt()),
                        false))
                .orElseGet(RequestPaymentOutcome.InvoiceNotFound::new);
    }
}
