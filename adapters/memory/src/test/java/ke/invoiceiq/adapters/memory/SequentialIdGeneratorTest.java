package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;

class SequentialIdGeneratorTest {

    private final SequentialIdGenerator ids = new SequentialIdGenerator();

    @Test
    void countsInvoiceIdsInTheCrockfordAlphabet() {
        List<InvoiceId> first = IntStream.range(0, 33).mapToObj(i -> ids.nextInvoiceId()).toList();

        assertThat(first.get(0)).isEqualTo(new InvoiceId("INV-000001"));
        assertThat(first.get(17)).isEqualTo(new InvoiceId("INV-00000J"));
        assertThat(first.get(31)).isEqualTo(new InvoiceId("INV-000010"));
        assertThat(SequentialIdGenerator.invoiceId(32 * 32 * 32 * 32 * 32 * 32 - 1))
                .isEqualTo(new InvoiceId("INV-ZZZZZZ"));
    }

    @Test
    void handsOutValidPayTokensAndIds() {
        assertThat(ids.nextPayToken().value()).isEqualTo("test-pay-token-0000000001");
        assertThat(ids.nextPayToken().value()).isEqualTo("test-pay-token-0000000002");
        assertThat(ids.nextId()).isEqualTo("id-000001");
    }

    @Test
    void neverHandsOutAnIdTwiceAcrossThreads() {
        var invoiceIds = new ConcurrentLinkedQueue<InvoiceId>();
        var plainIds = new ConcurrentLinkedQueue<String>();

        IntStream.range(0, 8_000).parallel().forEach(i -> {
            invoiceIds.add(ids.nextInvoiceId());
            plainIds.add(ids.nextId());
        });

        assertThat(invoiceIds).doesNotHaveDuplicates().hasSize(8_000);
        assertThat(plainIds).doesNotHaveDuplicates().hasSize(8_000);
    }
}
