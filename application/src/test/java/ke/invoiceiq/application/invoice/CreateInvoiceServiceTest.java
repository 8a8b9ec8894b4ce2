package ke.invoiceiq.application.invoice;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.IdGenerator;
import org.junit.jupiter.api.Test;

class CreateInvoiceServiceTest {

    private final Wiring app = new Wiring();

    @Test
    void givenPhoneAndName_whenCreate_thenPendingInvoiceNameRememberedAndMessageQueuedInOneUnitOfWork() {
        var outcome = app.createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(CUSTOMER),
                Optional.of(new CustomerName("Jane Wanjiku")), Amount.ofShillings(2500), new Description("Cleaning")));

        assertThat(outcome).isInstanceOfSatisfying(CreateInvoiceOutcome.Created.class, created -> {
            assertThat(created.invoice().status()).isEqualTo(InvoiceStatus.PENDING);
            assertThat(app.invoice(created.invoice().id())).isEqualTo(created.invoice());
            assertThat(created.invoice().createdAt()).isEqualTo(app.now());
        });
        assertThat(app.ports.customers().find(CUSTOMER).orElseThrow().name())
                .contains(new CustomerName("Jane Wanjiku"));
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains("For: Jane Wanjiku");
            assertThat(m.content().template().orElseThrow().bodyParameters().getFirst()).isEqualTo("Jane Wanjiku");
        });
        assertThat(app.ports.events().published(InvoiceEvent.Issued.class)).hasSize(1);
    }

    @Test
    void givenUnknownName_whenCreate_thenUnknownCustomerWithHowToFixAndNothingStored() {
        var outcome = app.createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByName("Mama Njeri"),
                Optional.empty(), Amount.ofShillings(1200), new Description("Sukuma and eggs")));

        assertThat(outcome).isInstanceOfSatisfying(CreateInvoiceOutcome.UnknownCustomer.class, unknown ->
                assertThat(unknown.message()).isEqualTo("I don't know a customer called Mama Njeri.\n"
                        + "Use their phone number: invoice 07XXXXXXXX 2500 Cleaning"));
        assertThat(app.invoices()).isEmpty();
        assertThat(app.ports.outbox().all()).isEmpty();
        assertThat(app.ports.events().published()).isEmpty();
    }

    @Test
    void givenTwoCustomersWithTheName_whenCreate_thenAmbiguous() {
        app.knownCustomer(new Msisdn("254722000111"), "Mama Njeri");
        app.knownCustomer(new Msisdn("254722000222"), "MAMA  NJERI");

        var outcome = app.createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByName("mama njeri"),
                Optional.empty(), Amount.ofShillings(1200), new Description("Sukuma and eggs")));

        assertThat(outcome).isInstanceOfSatisfying(CreateInvoiceOutcome.AmbiguousCustomer.class,
                ambiguous -> assertThat(ambiguous.matches()).isEqualTo(2));
        assertThat(app.invoices()).isEmpty();
    }

    @Test
    void givenTheSameCreationKeyTwice_whenCreate_thenOneInvoiceOneMessageOneEventAndTheRepeatReturnsIt() {
        var command = new CreateInvoiceCommand(new CustomerRef.ByPhone(CUSTOMER), Optional.empty(),
                Amount.ofShillings(2500), new Description("Cleaning"), Optional.of(new IdempotencyKey("create-1")));

        var first = (CreateInvoiceOutcome.Created) app.createInvoice.create(command);
        var again = app.createInvoice.create(command);

        assertThat(first.isNew()).isTrue();
        assertThat(again).isEqualTo(new CreateInvoiceOutcome.Created(first.invoice(), false));
        assertThat(app.invoices()).extracting(Invoice::id).containsExactly(first.invoice().id());
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).hasSize(1);
        assertThat(app.ports.events().published(InvoiceEvent.Issued.class)).hasSize(1);
    }

    @Test
    void givenTwoCreationKeys_whenCreate_thenTwoInvoices() {
        for (String key : new String[] {"create-1", "create-2"}) {
            app.createInvoice.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(CUSTOMER), Optional.empty(),
                    Amount.ofShillings(2500), new Description("Cleaning"), Optional.of(new IdempotencyKey(key))));
        }

        assertThat(app.invoices()).hasSize(2);
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).hasSize(2);
    }

    @Test
    void givenTheDrawnInvoiceIdIsTaken_whenCreate_thenCreatedOnceUnderAFreshIdAndTheTakenOneUntouched() {
        Invoice taken = app.issued(CUSTOMER, 900, "Ironing");
        InvoiceId fresh = new InvoiceId("INV-7K3Q9X");
        var drawingTheTakenIdFirst = new ScriptedInvoiceIds(app.ports.ids(), taken.id(), fresh);
        var service = new CreateInvoiceService(app.ports.invoices(), app.ports.customers(), drawingTheTakenIdFirst,
                app.outbox, app.ports.transactions(), app.ports.events(), app.ports.clock(), app.merchant);
        Msisdn other = new Msisdn("254722333444");

        var outcome = service.create(new CreateInvoiceCommand(new CustomerRef.ByPhone(other), Optional.empty(),
                Amount.ofShillings(2500), new Description("Cleaning")));

        assertThat(outcome).isInstanceOfSatisfying(CreateInvoiceOutcome.Created.class,
                created -> assertThat(created.invoice().id()).isEqualTo(fresh));
        assertThat(app.invoices()).extracting(Invoice::id).containsExactlyInAnyOrder(taken.id(), fresh);
        assertThat(app.invoice(taken.id())).isEqualTo(taken);
        assertThat(app.outboxTo(other, MessagePurpose.INVOICE)).singleElement()
                .satisfies(m -> assertThat(m.invoiceId()).contains(fresh));
        assertThat(drawingTheTakenIdFirst.invoiceIdsDrawn()).isEqualTo(2);
    }

    @Test
    void givenEveryDrawnInvoiceIdIsTaken_whenCreate_thenItStopsAfterTheLastDrawAndStoresNothing() {
        Invoice taken = app.issued(CUSTOMER, 900, "Ironing");
        InvoiceId[] alwaysTaken = new InvoiceId[CreateInvoiceService.ID_DRAWS + 5];
        java.util.Arrays.fill(alwaysTaken, taken.id());
        var ids = new ScriptedInvoiceIds(app.ports.ids(), alwaysTaken);
        var service = new CreateInvoiceService(app.ports.invoices(), app.ports.customers(), ids, app.outbox,
                app.ports.transactions(), app.ports.events(), app.ports.clock(), app.merchant);
        Msisdn other = new Msisdn("254722333444");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.create(new CreateInvoiceCommand(
                new CustomerRef.ByPhone(other), Optional.empty(), Amount.ofShillings(2500),
                new Description("Cleaning")))).isInstanceOf(IllegalStateException.class);
        assertThat(ids.invoiceIdsDrawn()).isEqualTo(CreateInvoiceService.ID_DRAWS);
        assertThat(app.invoices()).extracting(Invoice::id).containsExactly(taken.id());
        assertThat(app.outboxTo(other)).isEmpty();
    }

    /** Hands out the given invoice ids in order; everything else comes from {@code rest}. */
    private static final class ScriptedInvoiceIds implements IdGenerator {

        private final IdGenerator rest;
        private final InvoiceId[] script;
        private int drawn;

        ScriptedInvoiceIds(IdGenerator rest, InvoiceId... script) {
            this.rest = rest;
            this.script = script;
        }

        @Override
        public synchronized InvoiceId nextInvoiceId() {
            return script[drawn++];
        }

        @Override
        public PayToken nextPayToken() {
            return rest.nextPayToken();
        }

        @Override
        public String nextId() {
            return rest.nextId();
        }

        synchronized int invoiceIdsDrawn() {
            return drawn;
        }
    }
}
