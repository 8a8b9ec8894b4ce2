package ke.invoiceiq.bootstrap.config;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SecretKeys;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Runs while SmallRye builds the runtime configuration: the first thing a starting application does, before the
 * datasource, Flyway and every bean. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 * Quarkus' build reads its own configuration with every discovered factory too, in the prod profile and without a
 * single secret; so both jobs below run only while the application starts ({@link ExecutionMode#RUNTIME_INIT}),
 * never during the build.
 *
 * <ol>
 *   <li>In the {@code prod} profile it refuses to go on when a required setting is missing or malformed
 *       ({@link RequiredSecrets}): one exception whose message names all of them, and no value.</li>
 *   <li>It turns {@code DATABASE_URL} ({@link DatabaseUrl}) into {@code quarkus.datasource.jdbc.url},
 *       {@code quarkus.datasource.username} and {@code quarkus.datasource.password}, in a source of ordinal
 *       {@value #ORDINAL}: above {@code application.properties} (250) and {@code config/application.properties}
 *       (260), below {@code .env} (295), environment variables (300) and system properties (400). So
 *       {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD} win, key by key, when both
 *       forms are given.</li>
 * </ol>
 */
public final class DeploymentConfigSourceFactory implements ConfigSourceFactory {

    /** The ordinal of the source {@code DATABASE_URL} becomes. */
    public static final int ORDINAL = 275;

    /** The name of that source, as configuration errors show it. */
    public static final String SOURCE_NAME = "DatabaseUrlConfigSource[DATABASE_URL]";

    private static final Set<ExecutionMode> RUNTIME = EnumSet.of(ExecutionMode.RUNTIME_INIT, ExecutionMode.RUNNING);

    private final BooleanSupplier starting;

    /** The factory ServiceLoader creates. */
    public DeploymentConfigSourceFactory() {
        this(DeploymentConfigSourceFactory::isRuntime);
    }

    /** For tests, which are neither a build nor a start of Quarkus. */
    DeploymentConfigSourceFactory(BooleanSupplier starting) {
        this.starting = starting;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!starting.getAsBoolean()) {
            return List.of();
        }
        Function<String, Optional<String>> lookup = name -> lookup(context, name);
        if (context.getProfiles().contains("prod")) {
            RequiredSecrets.requireAll(lookup);
        }
        return lookup.apply(DatabaseUrl.VARIABLE)
                .map(DatabaseUrl::parse)
                .<List<ConfigSource>>map(url -> List.of(
                        new PropertiesConfigSource(properties(url), SOURCE_NAME, ORDINAL)))
                .orElse(List.of());
    }

    /**
     * Whether the application is starting, as opposed to being built: Quarkus' build (which runs in the prod profile
     * too, where no secret belongs) discovers this factory as well.
     */
    static boolean isRuntime() {
        return RUNTIME.contains(ExecutionMode.current());
    }

    /** The datasource keys a {@code DATABASE_URL} sets. */
    static Map<String, String> properties(DatabaseUrl url) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(RequiredSecrets.JDBC_URL_KEY, url.jdbcUrl());
        url.username().ifPresent(user -> properties.put("quarkus.datasource.username", user));
        url.password().ifPresent(password -> properties.put("quarkus.datasource.password", password));
        return properties;
    }

    /**
     * The value of a key as the sources below the factories see it, in the active profile. Unlocked, because the
     * provider credentials are secret keys ({@code Secret<String>} in the mappings). A value that cannot be
     * resolved (an expression naming a variable that is not set) counts as absent.
     */
    private static Optional<String> lookup(ConfigSourceContext context, String name) {
        try {
            ConfigValue value = SecretKeys.doUnlocked(() -> context.getValue(name));
            return Optional.ofNullable(value == null ? null : value.getValue())
                    .map(String::strip)
                    .filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
