package ke.invoiceiq.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagePurposeTest {

    @ParameterizedTest
    @EnumSource(value = MessagePurpose.class, names = {"INVOICE", "REMINDER", "PAYMENT_FAILED"})
    void givenACustomerNudge_whenItsInvoiceIsSettled_thenItIsStale(MessagePurpose nudge) {
        assertThat(nudge.staleOnceInvoiceIs(InvoiceStatus.PAID)).isTrue();
        assertThat(nudge.staleOnceInvoiceIs(InvoiceStatus.CANCELLED)).isTrue();
        assertThat(nudge.staleOnceInvoiceIs(InvoiceStatus.SENT)).isFalse();
        assertThat(nudge.staleOnceInvoiceIs(InvoiceStatus.FAILED)).isFalse();
    }

    @Test
    void givenTheCancellationNotice_whenItsInvoiceIsCancelled_thenItStillGoesButNotOnceItIsPaid() {
        assertThat(MessagePurpose.CANCELLATION.staleOnceInvoiceIs(InvoiceStatus.CANCELLED)).isFalse();
        assertThat(MessagePurpose.CANCELLATION.staleOnceInvoiceIs(InvoiceStatus.PAID)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = MessagePurpose.class, names = {"RECEIPT", "REPLY", "MERCHANT_NOTICE", "MERCHANT_DIGEST"})
    void givenAReceiptAReplyOrANotice_whenItsInvoiceIsInAnyState_thenItIsNeverStale(MessagePurpose purpose) {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            assertThat(purpose.staleOnceInvoiceIs(status)).as("%s for a %s invoice", purpose, status).isFalse();
        }
    }
}
