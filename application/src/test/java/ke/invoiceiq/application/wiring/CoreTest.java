package ke.invoiceiq.application.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.testing.InMemoryCorePorts;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import org.junit.jupiter.api.Test;

class CoreTest {

    private static final Msisdn MERCHANT = new Msisdn("254700000001");
    private static final Msisdn CUSTOMER = new Msisdn("254712345678");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final Core core = new Core(InMemoryCorePorts.of(ports),
            CoreSettings.defaults(new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners", "https://pay.example")));

    @Test
    void givenACore_whenEveryAccessorIsCalledTwice_thenEachReturnsTheSameInstanceBothTimes() throws Exception {
        List<Method> accessors = accessors();
        assertThat(accessors).hasSizeGreaterThanOrEqualTo(26);
        for (Method accessor : accessors) {
            Object first = accessor.invoke(core);
            assertThat(first).as(accessor.getName()).isNotNull();
            assertThat(accessor.invoke(core)).as(accessor.getName()).isSameAs(first);
        }
    }

    @Test
    void givenACore_whenEveryAccessorIsCalled_thenNoTwoShareAnInstance() throws Exception {
        var seen = new IdentityHashMap<Object, String>();
        for (Method accessor : accessors()) {
            String before = seen.put(accessor.invoke(core), accessor.getName());
            assertThat(before).as(accessor.getName() + " serves the instance of another accessor").isNull();
        }
    }

    @Test
    void givenACoreOverInMemoryPorts_whenTheMerchantSendsAnInvoice_thenItIsStoredAndQueuedToTheCustomer() {
        var message = new InboundMessage("whatsapp", "wamid.HBgM1", Channel.WHATSAPP, Optional.of(MERCHANT),
                Optional.empty(), new InboundContent.Text("invoice " + CUSTOMER.value() + " 1500 carpet cleaning"),
                ports.clock().instant());

        HandleInboundMessageOutcome outcome = core.handleInboundMessage().handle(message);

        assertThat(outcome).isInstanceOf(HandleInboundMessageOutcome.HandledForMerchant.class);
        InvoiceId id = ((HandleInboundMessageOutcome.HandledForMerchant) outcome).invoicesCreated().getFirst();
        assertThat(ports.invoices().find(id)).get()
                .satisfies(invoice -> assertThat(invoice.status()).isEqualTo(InvoiceStatus.PENDING));
        assertThat(ports.outbox().all()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(CUSTOMER);
            assertThat(m.content().text()).contains("Wanjiru Cleaners");
        });
    }

    private static List<Method> accessors() {
        return Arrays.stream(Core.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
                .toList();
    }
}
