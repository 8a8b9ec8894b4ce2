package ke.invoiceiq.adapters.http.api;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL paths of the merchant API and the methods each answers, for the one place that needs them by path: the
 * 405 mapper (the framework's 405 names no methods). Authentication does not use them ({@link AdminApi} binds it
 * to the resources).
 */
final class ApiPaths {

    private static final Map<Pattern, String> ALLOWED = Map.ofEntries(
            Map.entry(Pattern.compile("/invoices/?"), "GET, HEAD, POST, OPTIONS"),
            Map.entry(Pattern.compile("/invoices/[^/]+/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/invoices/[^/]+/(remind|cancel|mark-paid)/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/payments/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/payments/stk/initiate/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/payments/unmatched/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/payments/unmatched/[^/]+/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/payments/unmatched/[^/]+/apply/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/stats/summary/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/admin/audit/?"), "GET, HEAD, OPTIONS"),
            Map.entry(Pattern.compile("/admin/outbox/[^/]+/(retry|abandon)/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/admin/payments/[^/]+/requery/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/admin/c2b/register-urls/?"), "POST, OPTIONS"),
            Map.entry(Pattern.compile("/admin/export/(invoices|payments)\\.csv/?"), "GET, HEAD, OPTIONS"));

    private static final Pattern API = Pattern.compile(
            "/invoices(/.*)?|/payments/?|/payments/stk/initiate/?|/payments/unmatched(/.*)?|/stats(/.*)?|/admin(/.*)?");

    private ApiPaths() {
    }

    static boolean isApi(String path) {
        return path != null && API.matcher(normal(path)).matches();
    }

    /** The {@code Allow} value of an API path; empty for a path the API does not have. */
    static Optional<String> allowed(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String p = normal(path);
        return ALLOWED.entrySet().stream().filter(e -> e.getKey().matcher(p).matches()).map(Map.Entry::getValue)
                .findFirst();
    }

    private static String normal(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
