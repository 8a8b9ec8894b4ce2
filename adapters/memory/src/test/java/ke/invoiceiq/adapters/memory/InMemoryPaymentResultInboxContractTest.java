package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.PaymentResultInboxContract;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

class InMemoryPaymentResultInboxContractTest extends PaymentResultInboxContract {

    @Override
    protected PaymentResultInbox inbox() {
        return new InMemoryPaymentResultInbox();
    }
}
