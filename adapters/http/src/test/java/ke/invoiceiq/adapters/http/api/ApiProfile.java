package ke.invoiceiq.adapters.http.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The merchant API with a configured key and Swagger UI at {@code /docs}, as bootstrap configures it. The
 * nested profiles start the application again, with empty in-memory stores, for the tests that count everything.
 */
public class ApiProfile implements QuarkusTestProfile {

    static final String KEY = "test-admin-key-4f1c9b";
    /** The key being rotated in ({@code ADMIN_API_KEY_NEXT}): accepted alongside {@link #KEY}. */
    static final String NEXT_KEY = "test-admin-next-key-8d2e";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "admin.api-key", KEY,
                "admin.api-key-next", NEXT_KEY,
                "quarkus.swagger-ui.path", "/docs",
                "quarkus.swagger-ui.always-include", "true",
                "quarkus.smallrye-openapi.info-title", "InvoiceIQ");
    }

    /** A fresh application for listing: no invoice but the test's own. */
    public static class FreshForListing extends ApiProfile {
    }

    /** A fresh application for the stats: every invoice counted is the test's. */
    public static class FreshForStats extends ApiProfile {
    }

    /** No key configured at all: the API must refuse everything. */
    public static class WithoutKey extends ApiProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("admin.api-key", "");
            config.put("admin.api-key-next", "");
            return config;
        }
    }
}
