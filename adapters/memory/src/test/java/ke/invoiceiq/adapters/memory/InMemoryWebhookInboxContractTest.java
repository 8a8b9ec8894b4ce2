package ke.invoiceiq.adapters.memory;

import ke.invoiceiq.adapters.memory.contract.WebhookInboxContract;
import ke.invoiceiq.domain.messaging.WebhookInbox;

class InMemoryWebhookInboxContractTest extends WebhookInboxContract {

    @Override
    protected WebhookInbox inbox() {
        return new InMemoryWebhookInbox();
    }
}
