package ke.invoiceiq.adapters.postgres;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.named;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.paidBy;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.requested;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.Test;

/**
 * An invoice and its attempts are two statements' worth of rows: a reader must never pair the invoice of one
 * version with the attempts of the next (an invoice still SENT with an attempt that paid it in full, which the
 * aggregate refuses to exist). Readers hammer invoices while a writer pays them; every read must be a state that
 * was committed.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsistentInvoiceReadTest {

    private static final int INVOICES = 150;
    private static final int READERS = 4;

    @Inject
    TestDatabase database;

    @Inject
    InvoiceRepository invoices;

    @Test
    void givenAWriterPayingInvoices_whenReadersReadThemMeanwhile_thenEveryReadIsACommittedState() throws Exception {
        database.clean();
        AtomicReference<InvoiceId> current = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> broken = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                running.add(readers.submit(() -> {
                    while (!done.get()) {
                        InvoiceId id = current.get();
                        if (id == null) {
                            continue;
                        }
                        try {
                            invoices.find(id).ifPresent(read -> seen.add(read.status().name()));
                        } catch (ConcurrentUpdateException e) {
                            // allowed: a read that kept losing to writers says so, and its caller retries
                        } catch (RuntimeException e) {
                            broken.add(e);
                        }
                    }
                }));
            }
            for (int n = 1; n <= INVOICES; n++) {
                Invoice stored = store(invoices, named(requested(invoice(n, at(0)), n, at(1)), n, at(2)));
                current.set(stored.id());
                invoices.update(paidBy(invoices.find(stored.id()).orElseThrow(), n, 2_500, at(3)));
            }
            done.set(true);
            for (Future<?> reader : running) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            readers.shutdownNow();
        }

        assertThat(broken).as("reads that paired an invoice with attempts of another version").isEmpty();
        assertThat(seen).as("the readers did read while the writer wrote").contains("PAID");
    }
}
