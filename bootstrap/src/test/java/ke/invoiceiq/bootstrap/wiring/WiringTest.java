package ke.invoiceiq.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.application.chat.ChatExpirySettings;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bUrlRegistry;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/**
 * Every driven port, every use case and every settings record resolves to exactly one bean; the settings
 * carry the documented defaults.
 */
@QuarkusTest
class WiringTest {

    @Inject
    @Any
    Instance<Object> beans;

    @Inject
    MerchantSettings merchant;

    @Inject
    PaymentSettings payment;

    @Inject
    DispatchSettings dispatch;

    @Inject
    ReminderPolicy reminders;

    @Inject
    ChatExpirySettings chatExpiry;

    @Inject
    Clock clock;

    @Test
    void givenTheApplication_whenEveryDrivenPortIsLookedUp_thenExactlyOneBeanServesIt() {
        for (Class<?> port : List.of(InvoiceRepository.class, InvoiceStatistics.class, PaymentRepository.class,
                PaymentResultInbox.class, UnmatchedPayments.class, IdempotentAnswers.class, ChatSessionRepository.class,
                CustomerDirectory.class, Outbox.class, MessageLog.class, InboundEventLog.class, WebhookInbox.class,
                ReplyCooldowns.class, SendSlots.class, C2bInbox.class, C2bUrlRegistry.class, ChatMessenger.class,
                SmsMessenger.class, PaymentGateway.class, Transactions.class, DomainEvents.class, IdGenerator.class, Clock.class,
                Tracing.class)) {
            var candidates = beans.select(port);
            assertThat(candidates.isResolvable()).as("exactly one bean for %s", port.getSimpleName()).isTrue();
            assertThat(candidates.get()).isNotNull();
        }
    }

    /** The stand-ins only fill what no real adapter serves yet: everything that must survive a restart is Postgres. */
    @Test
    void givenThePostgresAdapter_whenEveryPersistencePortIsLookedUp_thenThePostgresImplementationServesIt() {
        for (Class<?> port : List.of(InvoiceRepository.class, InvoiceStatistics.class, PaymentRepository.class,
                PaymentResultInbox.class, UnmatchedPayments.class, IdempotentAnswers.class, ChatSessionRepository.class,
                CustomerDirectory.class, Outbox.class, MessageLog.class, InboundEventLog.class, WebhookInbox.class,
                ReplyCooldowns.class, SendSlots.class, C2bInbox.class, Transactions.class)) {
            Object bean = ClientProxy.unwrap(beans.select(port).get());
            assertThat(bean.getClass().getName()).as("the bean serving %s", port.getSimpleName())
                    .startsWith("ke.invoiceiq.adapters.postgres.");
        }
    }

    /** Found by name, so a use case added later is covered without touching this test. */
    @Test
    void givenTheApplicationModule_whenEveryUseCaseIsLookedUp_thenExactlyOneBeanServesIt() throws Exception {
        List<String> useCases = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("ke.invoiceiq.application")
                .stream()
                .filter(c -> c.isInterface() && c.getSimpleName().endsWith("UseCase"))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(useCases).as("use-case interfaces found").isNotEmpty();
        var loader = Thread.currentThread().getContextClassLoader();
        for (String name : useCases) {
            var candidates = beans.select(Class.forName(name, false, loader));
            assertThat(candidates.isResolvable()).as("exactly one bean for %s", name).isTrue();
            assertThat(candidates.get()).isNotNull();
        }
    }

    /** No WhatsApp account in the test profile: the recording stand-in serves the port, and nothing leaves. */
    @Test
    void givenNoWhatsAppAccount_whenTheChatMessengerIsLookedUp_thenItIsTheRecordingStandIn() {
        Object chat = ClientProxy.unwrap(beans.select(ChatMessenger.class).get());
        assertThat(chat).isInstanceOf(RecordingChatMessenger.class);
    }

    /**
     * No M-PESA account in the test profile: the scripted stand-in serves the port, and no STK push leaves. (With
     * the {@code MPESA_*} settings it is Daraja: {@code MpesaLoopTest}.)
     */
    @Test
    void givenNoMpesaAccount_whenThePaymentGatewayIsLookedUp_thenItIsTheScriptedStandIn() {
        Object gateway = ClientProxy.unwrap(beans.select(PaymentGateway.class).get());
        assertThat(gateway).isInstanceOf(ScriptedPaymentGateway.class);
    }

    /** No Africa's Talking account in the test profile: the recording stand-in; with one it is AT ({@code SmsLoopTest}). */
    @Test
    void givenNoSmsAccount_whenTheSmsMessengerIsLookedUp_thenItIsTheRecordingStandIn() {
        Object sms = ClientProxy.unwrap(beans.select(SmsMessenger.class).get());
        assertThat(sms).isInstanceOf(RecordingSmsMessenger.class);
    }

    @Test
    void givenNoSettings_whenStarted_thenTheDocumentedDefaultsApply() {
        assertThat(merchant.staffNumbers()).containsExactly(new Msisdn("254700000001"));
        assertThat(merchant.businessName()).isEqualTo("InvoiceIQ");
        assertThat(merchant.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(payment).isEqualTo(PaymentSettings.DEFAULT);
        // the tests' one shortened interval (application.properties): 1 s between two messages to one person
        assertThat(dispatch).isEqualTo(new DispatchSettings(DispatchSettings.DEFAULT.batchSize(),
                DispatchSettings.DEFAULT.lease(), DispatchSettings.DEFAULT.maxAttempts(),
                DispatchSettings.DEFAULT.initialBackoff(), DispatchSettings.DEFAULT.maxBackoff(),
                new Pacing(Duration.ofSeconds(1), DispatchSettings.META_LIMITS.perSecond())));
        assertThat(reminders).isEqualTo(ReminderPolicy.DEFAULT);
        assertThat(chatExpiry).isEqualTo(ChatExpirySettings.DEFAULT);
    }

    @Test
    void givenTheDefaultClock_whenAsked_thenItIsUtcWallClock() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void givenTheIdGenerator_whenAsked_thenItIsTheSecureRandomOne() {
        IdGenerator ids = beans.select(IdGenerator.class).get();
        assertThat(ids.nextInvoiceId().value()).startsWith("INV-");
    }
}
