package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.UUID;
import ke.invoiceiq.adapters.africastalking.outbound.AfricasTalkingSmsMessenger;
import ke.invoiceiq.adapters.daraja.outbound.DarajaPaymentGateway;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.adapters.sandbox.SandboxChatMessenger;
import ke.invoiceiq.adapters.sandbox.SandboxPaymentGateway;
import ke.invoiceiq.adapters.sandbox.SandboxSmsMessenger;
import ke.invoiceiq.adapters.whatsapp.outbound.WhatsAppCloudMessenger;
import ke.invoiceiq.bootstrap.config.InvoiceIqConfig;
import ke.invoiceiq.bootstrap.config.MpesaConfig;
import ke.invoiceiq.bootstrap.config.SmsConfig;
import ke.invoiceiq.bootstrap.config.WhatsAppConfig;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.payment.PaymentGateway;
import org.jboss.logging.Logger;

/**
 * Which adapter serves a provider port, decided by configuration, not by code in the core: the use cases only
 * ever see the port.
 *
 * <p>{@link ChatMessenger}: the WhatsApp Cloud API ({@link WhatsAppCloudMessenger}, which is {@code @Typed} to its
 * own class, so it is no {@code ChatMessenger} bean by itself) when {@code WABA_TOKEN} and {@code WABA_PHONE_ID} are
 * both set ({@link WhatsAppConfig#configured()}); otherwise the in-memory {@link RecordingChatMessenger}, with which
 * dev runs and most tests work without a Meta account and no message leaves the process. The prod profile never
 * gets the stand-in: it refuses to start without the {@code WABA_*} settings ({@code RequiredSecrets}).
 *
 * <p>{@link PaymentGateway}: Safaricom Daraja ({@link DarajaPaymentGateway}, {@code @Typed} to its own class like the
 * WhatsApp messenger) when the consumer key and secret, the shortcode, the passkey and the callback URL are all set
 * ({@link MpesaConfig#configured()}, the same rule as {@link DarajaPaymentGateway#configured()}); otherwise the
 * in-memory {@link ScriptedPaymentGateway}, which accepts every push and never charges anyone. The prod profile
 * never gets the stand-in: it refuses to start without the {@code MPESA_*} settings ({@code RequiredSecrets}). The
 * STK callback endpoint ({@code /payments/stk/callback/{token}}) is always there; without
 * {@code MPESA_CALLBACK_TOKEN} it refuses every call with 401.
 *
 * <p>{@link SmsMessenger}: Africa's Talking ({@link AfricasTalkingSmsMessenger}, {@code @Typed} likewise) when
 * {@code SMS_USERNAME} and {@code SMS_API_KEY} are both set ({@link SmsConfig#configured()}); otherwise the in-memory
 * {@link RecordingSmsMessenger}, which accepts every SMS and sends none. The prod profile never gets the stand-in. The
 * SMS callbacks ({@code /sms/status/{token}}, {@code /sms/inbound/{token}}) are always there; without
 * {@code SMS_CALLBACK_TOKEN} they refuse every call with 401.
 *
 * <p>The offline sandbox ({@code invoiceiq.sandbox.enabled}, {@code INVOICEIQ_SANDBOX}; on by default in the dev
 * profile, refused by prod) comes between the two: a provider that is not configured is then served by its simulator
 * from {@code adapters/sandbox} ({@link SandboxChatMessenger}, {@link SandboxSmsMessenger},
 * {@link SandboxPaymentGateway}, each {@code @Typed} to its own class too) instead of the in-memory stand-in, and
 * its traffic shows on the phone simulator at {@code /sandbox}. Real credentials still win, port by port: with
 * {@code WABA_*} set and the sandbox on, WhatsApp is real while SMS and M-PESA are simulated.
 *
 * <p>Each choice is logged once at startup, at INFO, naming the adapter only (never a token, a key or an id).
 */
@ApplicationScoped
public class ProviderSelection {

    private static final Logger LOG = Logger.getLogger(ProviderSelection.class);

    private final WhatsAppConfig whatsApp;
    private final MpesaConfig mpesa;
    private final SmsConfig sms;
    private final boolean sandbox;

    ProviderSelection(WhatsAppConfig whatsApp, MpesaConfig mpesa, SmsConfig sms, InvoiceIqConfig config) {
        this.whatsApp = whatsApp;
        this.mpesa = mpesa;
        this.sms = sms;
        this.sandbox = config.sandbox().enabled();
    }

    @Produces
    @ApplicationScoped
    ChatMessenger chatMessenger(Instance<WhatsAppCloudMessenger> cloud, Instance<SandboxChatMessenger> simulator) {
        if (whatsApp.configured()) {
            return cloud.get();
        }
        return sandbox ? simulator.get() : new RecordingChatMessenger();
    }

    @Produces
    @ApplicationScoped
    PaymentGateway paymentGateway(Instance<DarajaPaymentGateway> daraja, Instance<SandboxPaymentGateway> simulator) {
        if (mpesa.configured()) {
            return daraja.get();
        }
        // ids of its own per process: a dev database keeps the CheckoutRequestIDs of earlier runs
        return sandbox ? simulator.get()
                : new ScriptedPaymentGateway(UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_");
    }

    @Produces
    @ApplicationScoped
    SmsMessenger smsMessenger(Instance<AfricasTalkingSmsMessenger> africasTalking,
            Instance<SandboxSmsMessenger> simulator) {
        if (sms.configured()) {
            return africasTalking.get();
        }
        return sandbox ? simulator.get() : new RecordingSmsMessenger();
    }

    void announce(@Observes StartupEvent started) {
        if (whatsApp.configured()) {
            LOG.infof("ChatMessenger: WhatsApp Cloud API (Graph API %s)", whatsApp.apiVersion());
        } else if (sandbox) {
            LOG.info("ChatMessenger: sandbox simulator (WABA_TOKEN and WABA_PHONE_ID not both set, INVOICEIQ_SANDBOX "
                    + "on); messages show at /sandbox, none leaves the process");
        } else {
            LOG.info("ChatMessenger: in-memory stand-in (WABA_TOKEN and WABA_PHONE_ID not both set); "
                    + "no WhatsApp message leaves the process");
        }
        if (mpesa.configured()) {
            LOG.infof("PaymentGateway: Safaricom Daraja (%s)", mpesa.baseUrl().isPresent()
                    ? "MPESA_BASE_URL override" : mpesa.env().name().toLowerCase(Locale.ROOT));
        } else if (sandbox) {
            LOG.info("PaymentGateway: sandbox simulator (MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, MPESA_SHORTCODE,"
                    + " MPESA_PASSKEY and MPESA_CALLBACK_URL not all set, INVOICEIQ_SANDBOX on); prompts show at"
                    + " /sandbox, no STK push leaves the process");
        } else {
            LOG.info("PaymentGateway: in-memory stand-in (MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, MPESA_SHORTCODE,"
                    + " MPESA_PASSKEY and MPESA_CALLBACK_URL not all set); no STK push leaves the process");
        }
        if (sms.configured()) {
            LOG.infof("SmsMessenger: Africa's Talking (%s)", sms.baseUrl().isPresent() ? "SMS_BASE_URL override"
                    : sms.isSandbox() ? "sandbox" : "live");
        } else if (sandbox) {
            LOG.info("SmsMessenger: sandbox simulator (SMS_USERNAME and SMS_API_KEY not both set, INVOICEIQ_SANDBOX "
                    + "on); texts show at /sandbox, no SMS leaves the process");
        } else {
            LOG.info("SmsMessenger: in-memory stand-in (SMS_USERNAME and SMS_API_KEY not both set); "
                    + "no SMS leaves the process");
        }
    }
}
