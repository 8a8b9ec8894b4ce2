package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.application.invoice.CreateInvoiceCommand;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxService;
import ke.invoiceiq.application.messaging.DispatchReport;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Outboxes;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.SendResult;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two dispatchers, as two instances of the service would run them, against one PostgreSQL: every queued
 * invoice reaches its customer once, never twice and never not at all.
 */
@QuarkusTest
class TwoDispatchersTest {

    private static final int INVOICES = 40;

    @Inject
    CreateInvoiceUseCase createInvoice;

    @Inject
    Outbox outbox;

    @Inject
    SmsMessenger sms;

    @Inject
    SendSlots slots;

    @Inject
    CustomerDirectory customers;

    @Inject
    InvoiceRepository invoices;

    @Inject
    MessageLog messageLog;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @Inject
    DomainEvents events;

    @Inject
    MerchantSettings merchant;

    @Inject
    Tracing tracing;

    @Inject
    Database db;

    /**
     * An earlier test class whose clock ran ahead may have used up the business number's turns for a second still to
     * come here (a slot up to a minute ahead holds, see SendSlots.CLOCK_SKEW); this class counts turns from nothing.
     */
    @BeforeEach
    void forgetEarlierTests() {
        Outboxes.forgetEarlierTests(db);
    }

    @Test
    void givenInvoicesQueued_whenTwoDispatchersRunAtOnce_thenEachCustomerGetsTheirInvoiceExactlyOnce()
            throws Exception {
        List<Msisdn> queued = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            Msisdn customer = Customers.fresh();
            createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(customer), Optional.empty(),
                    Amount.ofShillings(100 + i), new Description("Delivery")));
            queued.add(customer);
        }
        // one phone, two senders: whatever the two dispatchers deliver lands in the same record
        var phones = new RecordingChatMessenger();
        ChatMessenger slowProvider = new ChatMessenger() {
            @Override
            public SendResult send(ChatMessage message) {
                try {
                    Thread.sleep(3); // a provider call takes time: the two dispatchers overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return phones.send(message);
            }

            @Override
            public boolean hasInvoiceTemplate() {
                return false;
            }
        };
        DispatchSettings smallBatches = new DispatchSettings(5, DispatchSettings.DEFAULT.lease(),
                DispatchSettings.DEFAULT.maxAttempts(), DispatchSettings.DEFAULT.initialBackoff(),
                DispatchSettings.DEFAULT.maxBackoff());
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> dispatcher = () -> {
            together.await();
            // built by hand, not taken from Core, on purpose: each instance needs the slow provider and small batches
            var instance = new DispatchOutboxService(outbox, slowProvider, sms, slots, customers, invoices,
                    messageLog, transactions, clock, ids, events, merchant, smallBatches, tracing);
            int sent = 0;
            for (DispatchReport run = instance.dispatch(); run.claimed() > 0; run = instance.dispatch()) {
                sent += run.sent();
            }
            return sent;
        };

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(dispatcher);
            Future<Integer> second = two.submit(dispatcher);
            assertThat(first.get()).as("the first dispatcher did part of the work").isPositive();
            assertThat(second.get()).as("the second dispatcher did part of the work").isPositive();
        } finally {
            two.shutdownNow();
        }

        Map<Msisdn, Long> perCustomer = phones.sent().stream()
                .filter(message -> queued.contains(message.to()))
                .collect(Collectors.groupingBy(ChatMessage::to, Collectors.counting()));
        assertThat(perCustomer).hasSize(INVOICES);
        assertThat(perCustomer.values()).containsOnly(1L);
    }
}
