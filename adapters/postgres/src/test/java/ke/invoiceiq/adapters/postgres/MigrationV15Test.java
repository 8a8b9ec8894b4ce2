package ke.invoiceiq.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V15 on data the old code wrote: an invoice marked paid outside M-PESA kept one recording on its own row (V10);
 * after V15 it is the invoice's first row in {@code outside_payments}, and the old columns are gone.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MigrationV15Test {

    private static final String SCHEMA = "migration_v15_test";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void migrateAnEmptySchemaToV10() throws SQLException {
        dropSchema();
        flyway("10").migrate();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void givenAnInvoiceMarkedPaidOutsideByTheOldCode_whenMigrated_thenItIsItsFirstRecording() throws SQLException {
        execute("""
                INSERT INTO %s.invoices (id, msisdn, amount_cents, description, status, pay_token, created_at,
                                         paid_at, amount_paid_cents, paid_outside_method, paid_outside_cents,
                                         paid_outside_note, paid_outside_at)
                VALUES ('INV-CASH01', '254712345678', 250000, 'Cleaning', 'PAID', 'token-1', '2026-03-02T06:00:00Z',
                        '2026-03-02T09:30:00Z', 100000, 'BANK_TRANSFER', 150000, 'Equity ref 88231',
                        '2026-03-02T09:30:00Z'),
                       ('INV-OPEN01', '254712345678', 250000, 'Cleaning', 'SENT', 'token-2', '2026-03-02T06:00:00Z',
                        NULL, 0, NULL, NULL, NULL, NULL)
                """.formatted(SCHEMA));

        flyway("15").migrate();

        assertThat(rows("""
                SELECT invoice_id || ' ' || seq || ' ' || method || ' ' || amount_cents || ' ' || note || ' '
                       || to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')
                  FROM %s.outside_payments ORDER BY invoice_id, seq
                """)).containsExactly("INV-CASH01 1 BANK_TRANSFER 150000 Equity ref 88231 2026-03-02T09:30Z");
        assertThat(rows("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = '%s' AND table_name = 'invoices' AND column_name LIKE 'paid_outside%%'
                """)).isEmpty();
    }

    @Test
    void givenV15_whenARecordingBreaksItsRules_thenTheDatabaseRefusesIt() throws SQLException {
        flyway("15").migrate();
        execute("""
                INSERT INTO %s.invoices (id, msisdn, amount_cents, description, status, pay_token, created_at)
                VALUES ('INV-OPEN01', '254712345678', 250000, 'Cleaning', 'SENT', 'token-2', now())
                """.formatted(SCHEMA));
        String insert = "INSERT INTO " + SCHEMA + ".outside_payments (invoice_id, seq, method, amount_cents, note,"
                + " recorded_at) VALUES (%s, now())";

        for (String values : List.of(
                "'INV-OPEN01', 1, 'CHEQUE', 100, 'Cash at the shop'",
                "'INV-OPEN01', 1, 'CASH', 0, 'Cash at the shop'",
                "'INV-OPEN01', 1, 'CASH', 100, 'ab'",
                "'INV-OPEN01', 0, 'CASH', 100, 'Cash at the shop'",
                "'INV-NONE01', 1, 'CASH', 100, 'Cash at the shop'")) {
            assertThatThrownBy(() -> execute(insert.formatted(values))).as(values).isInstanceOf(SQLException.class);
        }
        execute(insert.formatted("'INV-OPEN01', 1, 'CASH', 100, 'Cash at the shop'"));
        assertThatThrownBy(() -> execute(insert.formatted("'INV-OPEN01', 1, 'OTHER', 100, 'Again the same seq'")))
                .isInstanceOf(SQLException.class);
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private List<String> rows(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query.formatted(SCHEMA))) {
            var values = new ArrayList<String>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
