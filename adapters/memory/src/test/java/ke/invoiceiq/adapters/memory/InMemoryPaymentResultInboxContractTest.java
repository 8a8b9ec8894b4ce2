package ke.invoiceiq.adapters.memory;

import java.util.Optional;
import ke.invoiceiq.adapters.memory.contract.PaymentResultInboxContract;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

class InMemoryPaymentResultInboxContractTest extends PaymentResultInboxContract {

    private InMemoryPaymentResultInbox inbox;

    @Override
    protected PaymentResultInbox inbox() {
        inbox = new InMemoryPaymentResultInbox();
        return inbox;
    }

    @Override
    protected Optional<String> rawBody(long keptId) {
        return inbox.rawBody(keptId);
    }
}
