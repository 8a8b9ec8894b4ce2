package ke.invoiceiq.bootstrap.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import ke.invoiceiq.adapters.africastalking.inbound.SmsCallbackResource;
import ke.invoiceiq.adapters.daraja.inbound.StkCallbackResource;
import ke.invoiceiq.adapters.http.api.AdminKey;
import ke.invoiceiq.adapters.whatsapp.inbound.WhatsAppWebhookResource;
import ke.invoiceiq.application.settings.RotatingSecret;

/**
 * The credentials callers present to this service, each as a {@link RotatingSecret}: the current value and, while it
 * is being changed, the next one ({@code *_NEXT}), both accepted (docs/RUNBOOK.md, "Rotating secrets"). The driving
 * adapters that check them read no configuration key: they take these, by the name each adapter declares. In prod,
 * {@link RequiredSecrets} has already refused a next value equal to the current one.
 */
@ApplicationScoped
public class SecretProducers {

    @Produces
    @Singleton
    @Startup
    @Named(AdminKey.KEYS)
    RotatingSecret adminKeys(AdminConfig admin) {
        return rotating(admin.apiKey(), admin.apiKeyNext());
    }

    @Produces
    @Singleton
    @Startup
    @Named(StkCallbackResource.TOKEN)
    RotatingSecret stkCallbackTokens(MpesaConfig mpesa) {
        return rotating(mpesa.callbackToken(), mpesa.callbackTokenNext());
    }

    @Produces
    @Singleton
    @Startup
    @Named(SmsCallbackResource.TOKEN)
    RotatingSecret smsCallbackTokens(SmsConfig sms) {
        return rotating(sms.callbackToken(), sms.callbackTokenNext());
    }

    @Produces
    @Singleton
    @Startup
    @Named(WhatsAppWebhookResource.VERIFY_TOKEN)
    RotatingSecret webhookVerifyTokens(WhatsAppConfig whatsApp) {
        return rotating(whatsApp.verifyToken(), whatsApp.verifyTokenNext());
    }

    @Produces
    @Singleton
    @Startup
    @Named(WhatsAppWebhookResource.APP_SECRET)
    RotatingSecret webhookAppSecrets(WhatsAppConfig whatsApp) {
        return rotating(whatsApp.appSecret(), whatsApp.appSecretNext());
    }

    static RotatingSecret rotating(Optional<SecretValue> current, Optional<SecretValue> next) {
        return RotatingSecret.of(current.map(SecretValue::reveal), next.map(SecretValue::reveal));
    }
}
