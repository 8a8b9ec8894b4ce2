package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link C2bInbox} must do: a confirmation is kept once per TransID, read back whole until it is marked
 * processed, and claimed by one sweep at a time, oldest first.
 */
public abstract class C2bInboxContract {

    /** An empty inbox; called once before each test. */
    protected abstract C2bInbox inbox();

    private C2bInbox inbox;

    @BeforeEach
    void startEmpty() {
        inbox = inbox();
    }

    static C2bPayment paybill(MpesaReceipt transId, long shillings, long receivedAt) {
        return new C2bPayment(transId, C2bPayment.Kind.PAYBILL, Money.ofShillings(shillings), at(receivedAt - 1),
                "600100", Optional.of("inv 7k3q9x"), at(receivedAt));
    }

    static C2bPayment till(MpesaReceipt transId, long shillings, long receivedAt) {
        return new C2bPayment(transId, C2bPayment.Kind.TILL, Money.ofShillings(shillings), at(receivedAt - 1),
                "5123456", Optional.empty(), at(receivedAt));
    }

    @Test
    void givenAConfirmation_whenStored_thenItIsReadBackWholeUntilProcessed() {
        C2bPayment paid = paybill(receipt(1), 2_500, 10);
        C2bPayment tilled = till(receipt(2), 99, 11);

        assertThat(inbox.store(paid)).isTrue();
        assertThat(inbox.store(tilled)).isTrue();

        assertThat(inbox.takeUnprocessed(receipt(1))).contains(paid);
        assertThat(inbox.takeUnprocessed(receipt(2))).contains(tilled);
        inbox.markProcessed(receipt(1), at(20));
        assertThat(inbox.takeUnprocessed(receipt(1))).isEmpty();
        assertThat(inbox.takeUnprocessed(receipt(2))).contains(tilled);
        assertThat(inbox.takeUnprocessed(receipt(3))).as("never kept").isEmpty();
    }

    @Test
    void givenTheSameTransIdTwice_whenStoredAgain_thenItIsKeptOnceAsFirstTold() {
        C2bPayment first = paybill(receipt(1), 2_500, 10);
        inbox.store(first);

        assertThat(inbox.store(paybill(receipt(1), 2_500, 30))).isFalse();
        inbox.markProcessed(receipt(1), at(40));
        assertThat(inbox.store(paybill(receipt(1), 2_500, 50))).as("also once processed").isFalse();
        assertThat(inbox.takeUnprocessed(receipt(1))).isEmpty();
    }

    @Test
    void givenConfirmationsNotApplied_whenClaimed_thenOnlyThoseBeforeTheCutoffOnceUntilTheLeaseEnds() {
        inbox.store(paybill(receipt(1), 100, 10));
        inbox.store(paybill(receipt(2), 200, 20));
        inbox.store(paybill(receipt(3), 300, 100));
        inbox.store(paybill(receipt(4), 400, 5));
        inbox.markProcessed(receipt(4), at(6));

        assertThat(inbox.claimUnprocessed(at(50), at(60), at(120), 10)).extracting(C2bPayment::receipt)
                .containsExactly(receipt(1), receipt(2));
        assertThat(inbox.claimUnprocessed(at(50), at(61), at(121), 10)).as("held by the first sweep").isEmpty();
        assertThat(inbox.claimUnprocessed(at(50), at(130), at(200), 1)).extracting(C2bPayment::receipt)
                .hasSize(1);
    }
}
