package ke.invoiceiq.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * What the prod profile needs before it may start (docs/configuration.md): every provider credential, the merchant, the
 * public URL and a database, and the offline sandbox off ({@code INVOICEIQ_SANDBOX}). Pure functions of a lookup (a
 * configuration key → its value, if set), so they are tested without starting anything;
 * {@link DeploymentConfigSourceFactory} runs them while the configuration is built, before the datasource, Flyway or
 * any bean exists.
 *
 * <p>Problems are reported by the environment variable names an operator sets, all in one message, and never
 * with a value.
 */
public final class RequiredSecrets {

    /** The key of the database requirement that {@code QUARKUS_DATASOURCE_JDBC_URL} sets. */
    static final String JDBC_URL_KEY = "quarkus.datasource.jdbc.url";

    /**
     * A setting prod cannot run without.
     *
     * @param name the name an operator sets and the messages use
     * @param keys the configuration keys, any one of which satisfies it; an environment variable {@code WABA_TOKEN}
     *             sets the key {@code waba.token}
     */
    public record Requirement(String name, List<String> keys) {
        public Requirement {
            keys = List.copyOf(keys);
        }
    }

    /** Every setting the prod profile requires, in the order the message lists them. */
    public static final List<Requirement> IN_PROD = List.of(
            env("WABA_TOKEN"),
            env("WABA_PHONE_ID"),
            env("WABA_VERIFY_TOKEN"),
            env("WABA_APP_SECRET"),
            env("SMS_USERNAME"),
            env("SMS_API_KEY"),
            env("SMS_CALLBACK_TOKEN"),
            env("MPESA_CONSUMER_KEY"),
            env("MPESA_CONSUMER_SECRET"),
            env("MPESA_SHORTCODE"),
            env("MPESA_PASSKEY"),
            env("MPESA_CALLBACK_URL"),
            env("MPESA_CALLBACK_TOKEN"),
            env("ADMIN_API_KEY"),
            // application.properties maps these two onto invoiceiq.*, with sandbox defaults in dev and test only.
            new Requirement("MERCHANT_MSISDN", List.of("invoiceiq.merchant.numbers")),
            new Requirement("BASE_URL", List.of("invoiceiq.base-url")),
            new Requirement("DATABASE_URL or QUARKUS_DATASOURCE_JDBC_URL", List.of(DatabaseUrl.VARIABLE, JDBC_URL_KEY)));

    /** The environment variable that turns the offline sandbox on; prod refuses it. */
    public static final String SANDBOX_VARIABLE = "INVOICEIQ_SANDBOX";

    /** The key {@code application.properties} maps {@link #SANDBOX_VARIABLE} onto. */
    public static final String SANDBOX_KEY = "invoiceiq.sandbox.enabled";

    /**
     * The credentials that may have a next value ({@code NAME_NEXT}, docs/RUNBOOK.md "Rotating secrets"), which
     * prod checks like the current one and which must differ from it.
     */
    public static final List<String> ROTATABLE = List.of("WABA_VERIFY_TOKEN", "WABA_APP_SECRET",
            "SMS_CALLBACK_TOKEN", "MPESA_CALLBACK_TOKEN", "ADMIN_API_KEY");

    /** What a next value's variable adds to the current one's name ({@code ADMIN_API_KEY_NEXT}). */
    public static final String NEXT_SUFFIX = "_NEXT";

    /** The path Daraja's results arrive on (docs/api.md), followed by {@code MPESA_CALLBACK_TOKEN}. */
    public static final String STK_CALLBACK_PATH = "/payments/stk/callback/";

    private static final Pattern SHORTCODE = Pattern.compile("[0-9]{5,7}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,30}");
    private static final Set<String> MPESA_ENVIRONMENTS = Set.of("sandbox", "production");
    private static final Set<String> TRANSACTION_TYPES = Set.of("CustomerPayBillOnline", "CustomerBuyGoodsOnline");
    /** The only values prod takes for the sandbox switch; anything else might read as "on". */
    private static final Set<String> OFF = Set.of("false", "0", "no", "off", "n");

    private RequiredSecrets() {
    }

    /**
     * The names of the required settings that have no value (absent or blank), in the order of {@link #IN_PROD}.
     *
     * @param lookup a configuration key → its value, if set
     */
    public static List<String> missing(Function<String, Optional<String>> lookup) {
        return IN_PROD.stream()
                .filter(requirement -> requirement.keys().stream().noneMatch(key -> value(lookup, key).isPresent()))
                .map(Requirement::name)
                .toList();
    }

    /**
     * The settings that are set but cannot work in prod, each as "NAME (what is wrong)". Only cheap checks of form,
     * and no message contains a value.
     *
     * @param lookup a configuration key → its value, if set
     */
    public static List<String> invalid(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        value(lookup, "waba.phone-id").filter(v -> !DIGITS.matcher(v).matches())
                .ifPresent(v -> problems.add("WABA_PHONE_ID (must be the phone number id: digits only)"));
        value(lookup, "mpesa.env").filter(v -> !MPESA_ENVIRONMENTS.contains(v.toLowerCase(Locale.ROOT)))
                .ifPresent(v -> problems.add("MPESA_ENV (must be sandbox or production)"));
        value(lookup, "mpesa.shortcode").filter(v -> !SHORTCODE.matcher(v).matches())
                .ifPresent(v -> problems.add("MPESA_SHORTCODE (must be 5 to 7 digits)"));
        value(lookup, "mpesa.party-b").filter(v -> !SHORTCODE.matcher(v).matches())
                .ifPresent(v -> problems.add("MPESA_PARTY_B (must be 5 to 7 digits)"));
        value(lookup, "mpesa.transaction-type").filter(v -> !TRANSACTION_TYPES.contains(v))
                .ifPresent(v -> problems.add("MPESA_TRANSACTION_TYPE (must be CustomerPayBillOnline or "
                        + "CustomerBuyGoodsOnline)"));
        for (String name : ROTATABLE) {
            value(lookup, key(name + NEXT_SUFFIX))
                    .filter(next -> value(lookup, key(name)).filter(next::equals).isPresent())
                    .ifPresent(v -> problems.add(name + NEXT_SUFFIX + " (must differ from " + name
                            + "; unset it once it has been promoted)"));
        }
        value(lookup, "mpesa.callback-url")
                .flatMap(url -> callbackUrlProblem(url, Stream.of("mpesa.callback-token", "mpesa.callback-token-next")
                        .map(key -> value(lookup, key)).flatMap(Optional::stream).toList()))
                .ifPresent(problem -> problems.add("MPESA_CALLBACK_URL (" + problem + ")"));
        value(lookup, "invoiceiq.merchant.numbers").flatMap(RequiredSecrets::merchantNumbersProblem)
                .ifPresent(problem -> problems.add("MERCHANT_MSISDN (" + problem + ")"));
        value(lookup, "invoiceiq.base-url").filter(url -> !isHttpsBase(url))
                .ifPresent(v -> problems.add("BASE_URL (must be the public https:// URL of this service, "
                        + "without query or fragment)"));
        for (String provider : List.of("waba", "sms", "mpesa")) {
            value(lookup, provider + ".base-url").filter(url -> !isHttpBase(url))
                    .ifPresent(v -> problems.add(provider.toUpperCase(Locale.ROOT)
                            + "_BASE_URL (must be an absolute http:// or https:// URL)"));
        }
        value(lookup, DatabaseUrl.VARIABLE).flatMap(RequiredSecrets::databaseUrlProblem)
                .ifPresent(problem -> problems.add(DatabaseUrl.VARIABLE + " (" + problem + ")"));
        if (sandboxOn(lookup)) {
            problems.add(SANDBOX_VARIABLE + " (the offline sandbox simulates WhatsApp, SMS and M-PESA and must be off "
                    + "in prod: unset it or set it to false)");
        }
        return List.copyOf(problems);
    }

    /**
     * Everything that keeps prod from starting, as one message naming every missing and every invalid setting;
     * empty when there is nothing.
     */
    public static Optional<String> problems(Function<String, Optional<String>> lookup) {
        List<String> missing = missing(lookup);
        List<String> invalid = invalid(lookup);
        if (missing.isEmpty() && invalid.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("InvoiceIQ refuses to start in the prod profile.");
        if (!missing.isEmpty()) {
            message.append(" Missing required settings: ").append(String.join(", ", missing)).append('.');
        }
        if (!invalid.isEmpty()) {
            message.append(" Invalid settings: ").append(String.join("; ", invalid)).append('.');
        }
        message.append(" Set them as environment variables (see docs/configuration.md); values are never shown.");
        return Optional.of(message.toString());
    }

    /**
     * Throws when prod cannot start.
     *
     * @throws ProductionConfigurationException with the message of {@link #problems}
     */
    public static void requireAll(Function<String, Optional<String>> lookup) {
        problems(lookup).ifPresent(message -> {
            throw new ProductionConfigurationException(message);
        });
    }

    /**
     * Whether the sandbox switch is set to anything but off, through {@code INVOICEIQ_SANDBOX} itself or through the
     * key it is mapped onto (which {@code INVOICEIQ_SANDBOX_ENABLED} or a system property can set too).
     */
    static boolean sandboxOn(Function<String, Optional<String>> lookup) {
        return List.of(SANDBOX_VARIABLE, SANDBOX_KEY).stream()
                .map(key -> value(lookup, key))
                .flatMap(Optional::stream)
                .anyMatch(v -> !OFF.contains(v.toLowerCase(Locale.ROOT)));
    }

    /**
     * The URL must end with the callback token, or, while it is being changed, with the next one: Daraja is told the
     * URL with every push, so the URL is switched to the next token before the token is promoted.
     */
    private static Optional<String> callbackUrlProblem(String url, List<String> tokens) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https:// URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.of("must be an absolute https:// URL; Daraja only calls HTTPS");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int at = path.lastIndexOf(STK_CALLBACK_PATH);
        if (at < 0 || path.length() == at + STK_CALLBACK_PATH.length()) {
            return Optional.of("must end with " + STK_CALLBACK_PATH + "{MPESA_CALLBACK_TOKEN}");
        }
        if (!tokens.isEmpty() && !tokens.contains(path.substring(at + STK_CALLBACK_PATH.length()))) {
            return Optional.of("must end with " + STK_CALLBACK_PATH + " followed by exactly the value of "
                    + "MPESA_CALLBACK_TOKEN" + (tokens.size() > 1 ? " or of MPESA_CALLBACK_TOKEN_NEXT" : ""));
        }
        return Optional.empty();
    }

    /** Same rule as {@link SettingsProducers#merchantNumbers}: every entry a Kenyan M-PESA number. */
    private static Optional<String> merchantNumbersProblem(String numbers) {
        List<String> entries = Arrays.stream(numbers.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                .toList();
        if (entries.isEmpty()) {
            return Optional.of("give at least one staff number, e.g. 2547XXXXXXXX");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (Msisdn.parse(entries.get(i)) instanceof Parsed.Rejected<Msisdn>) {
                return Optional.of("entry " + (i + 1) + " of " + entries.size()
                        + " is not a Kenyan M-PESA number such as 2547XXXXXXXX");
            }
        }
        return Optional.empty();
    }

    private static boolean isHttpsBase(String url) {
        return absoluteUrl(url).filter(uri -> "https".equalsIgnoreCase(uri.getScheme())).isPresent();
    }

    private static boolean isHttpBase(String url) {
        return absoluteUrl(url).filter(uri -> "https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme())).isPresent();
    }

    private static Optional<URI> absoluteUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> databaseUrlProblem(String url) {
        try {
            DatabaseUrl.parse(url);
            return Optional.empty();
        } catch (DatabaseUrl.InvalidDatabaseUrlException e) {
            String problem = e.problem();
            return Optional.of("not a postgres:// URL: " + (problem.endsWith(".")
                    ? problem.substring(0, problem.length() - 1) : problem));
        }
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Requirement env(String name) {
        return new Requirement(name, List.of(key(name)));
    }

    /** The key a provider's environment variable sets: {@code WABA_APP_SECRET} → {@code waba.app-secret}. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceFirst("_", ".").replace('_', '-');
    }

    /** The prod profile lacks settings it needs; the message names each one and shows no value. */
    public static final class ProductionConfigurationException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ProductionConfigurationException(String message) {
            super(message);
        }
    }
}
