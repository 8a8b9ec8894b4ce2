package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in the prod profile (the default of {@code java -jar quarkus-run.jar}), started as a
 * child process with nothing in its environment but what each test sets: it refuses to start without its settings,
 * naming all of them in one message and no value, before anything touches a database; and it starts on nothing more
 * than the secrets and a {@code DATABASE_URL}.
 */
class ProductionStartupIT {

    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    static final List<String> EVERY_NAME = List.of("WABA_TOKEN", "WABA_PHONE_ID", "WABA_VERIFY_TOKEN",
            "WABA_APP_SECRET", "SMS_USERNAME", "SMS_API_KEY", "SMS_CALLBACK_TOKEN", "MPESA_CONSUMER_KEY",
            "MPESA_CONSUMER_SECRET", "MPESA_SHORTCODE", "MPESA_PASSKEY", "MPESA_CALLBACK_URL", "MPESA_CALLBACK_TOKEN",
            "ADMIN_API_KEY", "MERCHANT_MSISDN", "BASE_URL", "DATABASE_URL or QUARKUS_DATASOURCE_JDBC_URL");

    static final String REFUSAL = "InvoiceIQ refuses to start in the prod profile.";

    /** The secret values every test sets; none of them may ever reach the output. */
    static Map<String, String> secrets() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WABA_TOKEN", "it-secret-waba-token-7f3a");
        env.put("WABA_VERIFY_TOKEN", "it-secret-verify-token-91c2");
        env.put("WABA_APP_SECRET", "it-secret-app-secret-55d0");
        env.put("SMS_API_KEY", "it-secret-sms-api-key-0b7e");
        env.put("SMS_CALLBACK_TOKEN", "it-secret-sms-callback-c4a1");
        env.put("MPESA_CONSUMER_KEY", "it-secret-consumer-key-6e19");
        env.put("MPESA_CONSUMER_SECRET", "it-secret-consumer-secret-2d88");
        env.put("MPESA_PASSKEY", "it-secret-passkey-bb04");
        env.put("MPESA_CALLBACK_TOKEN", "it-secret-stk-token-3f6c");
        env.put("MPESA_CALLBACK_URL",
                "https://pay.invoiceiq.example/payments/stk/callback/it-secret-stk-token-3f6c");
        env.put("ADMIN_API_KEY", "it-secret-admin-key-a9e5");
        return env;
    }

    /** Every setting prod requires, except the database. */
    static Map<String, String> everySettingButTheDatabase() {
        Map<String, String> env = secrets();
        env.put("WABA_PHONE_ID", "106540352242922");
        env.put("SMS_USERNAME", "invoiceiq-it");
        env.put("MPESA_SHORTCODE", "174379");
        env.put("MERCHANT_MSISDN", "254712345678");
        env.put("BASE_URL", "https://pay.invoiceiq.example");
        return env;
    }

    @Test
    void givenProdWithNothingSet_whenStarted_thenItExitsNamingEveryMissingSettingInOneMessage() throws Exception {
        try (RunnerProcess app = RunnerProcess.start("prod-nothing-set", Map.of())) {
            int exit = app.awaitExit(EXIT_TIMEOUT);
            String output = app.output();

            assertThat(exit).as("exit code; output:%n%s", output).isNotZero();
            assertThat(refusal(output)).as("output:%n%s", output)
                    .contains("Missing required settings: " + String.join(", ", EVERY_NAME) + ".")
                    .doesNotContain("Invalid settings");
            assertNothingTouchedADatabase(output);
        }
    }

    @Test
    void givenProdWithEverySettingButTwo_whenStarted_thenItNamesExactlyThoseTwoAndNoValue() throws Exception {
        Map<String, String> env = everySettingButTheDatabase();
        env.put("DATABASE_URL", "postgres://invoiceiq:it-secret-db-password-e1f7@127.0.0.1:9/nowhere");
        env.remove("WABA_APP_SECRET");
        env.remove("MPESA_PASSKEY");

        try (RunnerProcess app = RunnerProcess.start("prod-two-missing", env)) {
            int exit = app.awaitExit(EXIT_TIMEOUT);
            String output = app.output();

            assertThat(exit).as("exit code; output:%n%s", output).isNotZero();
            assertThat(refusal(output)).as("output:%n%s", output)
                    .contains("Missing required settings: WABA_APP_SECRET, MPESA_PASSKEY. Set them")
                    .doesNotContain("Invalid settings");
            assertNoSecretIn(output, env);
            assertNothingTouchedADatabase(output);
        }
    }

    @Test
    void givenProdWithMalformedSettings_whenStarted_thenItNamesThemWithoutTheirValues() throws Exception {
        Map<String, String> env = everySettingButTheDatabase();
        // An unencoded '/' in the password: the parser would take a piece of it for the port.
        env.put("DATABASE_URL", "postgres://invoiceiq:it-secret/db-password@db.internal:5432/invoiceiq");
        env.put("MPESA_CALLBACK_URL", "http://pay.invoiceiq.example/payments/stk/callback/it-secret-stk-token-3f6c");
        env.put("MPESA_SHORTCODE", "17437x");

        try (RunnerProcess app = RunnerProcess.start("prod-malformed", env)) {
            int exit = app.awaitExit(EXIT_TIMEOUT);
            String output = app.output();

            assertThat(exit).as("exit code; output:%n%s", output).isNotZero();
            assertThat(refusal(output)).as("output:%n%s", output)
                    .doesNotContain("Missing required settings")
                    .contains("Invalid settings: MPESA_SHORTCODE (must be 5 to 7 digits); MPESA_CALLBACK_URL (must be "
                            + "an absolute https:// URL; Daraja only calls HTTPS); DATABASE_URL (not a postgres:// URL:"
                            + " the port is not a number from 1 to 65535");
            assertNoSecretIn(output, env);
            assertThat(output).doesNotContain("it-secret", "db-password", "17437x");
            assertNothingTouchedADatabase(output);
        }
    }

    /** The offline sandbox simulates every provider: prod, otherwise complete, refuses to start with it on. */
    @Test
    void givenProdWithTheSandboxOn_whenStarted_thenItExitsNamingInvoiceIqSandbox() throws Exception {
        Map<String, String> env = everySettingButTheDatabase();
        env.put("DATABASE_URL", "postgres://invoiceiq:it-secret-db-password-e1f7@127.0.0.1:9/nowhere");
        env.put("INVOICEIQ_SANDBOX", "true");

        try (RunnerProcess app = RunnerProcess.start("prod-sandbox-on", env)) {
            int exit = app.awaitExit(EXIT_TIMEOUT);
            String output = app.output();

            assertThat(exit).as("exit code; output:%n%s", output).isNotZero();
            assertThat(refusal(output)).as("output:%n%s", output)
                    .doesNotContain("Missing required settings")
                    .contains("Invalid settings: INVOICEIQ_SANDBOX (the offline sandbox simulates WhatsApp, SMS and"
                            + " M-PESA and must be off in prod: unset it or set it to false).");
            assertThat(output).doesNotContain("Sandbox on:");
            assertNoSecretIn(output, env);
            assertNothingTouchedADatabase(output);
        }
    }

    @Test
    void givenProdWithEverySettingAndADatabaseUrl_whenStarted_thenItMigratesAndBecomesReady() throws Exception {
        Assumptions.assumeTrue(reachable("127.0.0.1", 5432),
                "no PostgreSQL at 127.0.0.1:5432 (trust auth, database test); this test needs one");
        String schema = "invoiceiq_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection db = testDatabase(); Statement sql = db.createStatement()) {
            sql.execute("create schema " + schema);
            try {
                Map<String, String> env = everySettingButTheDatabase();
                // A password (the server trusts this user and never asks for it) that must be decoded and never
                // shown; the query names the schema, so the migration proves the query reached the driver.
                env.put("DATABASE_URL", "postgresql://postgres:it-secret-db%40pass@127.0.0.1:5432/test"
                        + "?currentSchema=" + schema + "&ApplicationName=invoiceiq-config-it");

                try (RunnerProcess app = RunnerProcess.start("prod-ready", env)) {
                    app.awaitReady(READY_TIMEOUT);

                    assertThat(tables(db, schema)).contains("flyway_schema_history", "invoices", "payments");
                    String output = app.output();
                    assertNoSecretIn(output, env);
                    assertThat(output).doesNotContain("it-secret-db@pass", "it-secret-db%40pass", REFUSAL);
                }
            } finally {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /** The line of the output that carries the refusal; there is exactly one. */
    static String refusal(String output) {
        List<String> lines = output.lines().filter(line -> line.contains(REFUSAL)).toList();
        assertThat(lines).as("lines with the refusal; output:%n%s", output).hasSize(1);
        return lines.getFirst();
    }

    static void assertNoSecretIn(String output, Map<String, String> env) {
        env.forEach((name, value) -> {
            if (value.contains("it-secret")) {
                assertThat(output).as("the value of %s is printed", name).doesNotContain(value);
            }
        });
    }

    /** The check ran first: neither the datasource nor Flyway got to try a connection. */
    static void assertNothingTouchedADatabase(String output) {
        assertThat(output.toLowerCase(Locale.ROOT))
                .doesNotContain("flyway", "psqlexception", "connection refused", "acquisition timeout");
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Connection testDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
    }

    static List<String> tables(Connection db, String schema) throws SQLException {
        try (ResultSet rs = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
