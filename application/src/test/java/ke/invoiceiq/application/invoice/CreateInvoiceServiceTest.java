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
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.IdempotencyKey;
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
}
