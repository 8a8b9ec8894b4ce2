package ke.invoiceiq.adapters.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.Msisdn;

/** What the application would provide: the merchant's settings. */
@ApplicationScoped
public class TestWiring {

    static final Msisdn MERCHANT = new Msisdn("254700000001");

    @Produces
    @Singleton
    MerchantSettings merchant() {
        return new MerchantSettings(Set.of(MERCHANT), "Sandbox Test Shop", "http://localhost:8080");
    }
}
