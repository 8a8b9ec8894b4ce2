package ke.invoiceiq.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

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
 * V7 on data the old code wrote: a schema of its own is migrated to V6, filled as the old code left it, then
 * migrated to V7, which must carry every row into the new invariants (what each success received, what each invoice
 * was paid, PAID exactly when paid in full, several results per CheckoutRequestID).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MigrationV7Test {

    private static final String SCHEMA = "migration_v7_test";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void migrateAnEmptySchemaToV6() throws SQLException {
        dropSchema();
        flyway("6").migrate();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void givenPaymentsTheOldCodeStored_whenMigrated_thenEveryInvoiceIsPaidWhatItsSuccessesReceived()
            throws SQLException {
        invoice("INV-OVER", "SENT", "NULL", "NULL");
        success("INV-OVER", "pay-over", "ws_CO_over", "'RCPTOVER01'", "'2026-03-02T07:00:00Z'");
        callback("ws_CO_over", 0, "3000.00", "'RCPTOVER01'");
        invoice("INV-SHORT", "SENT", "NULL", "NULL");
        success("INV-SHORT", "pay-short", "ws_CO_short", "'RCPTSHORT1'", "'2026-03-02T07:00:00Z'");
        callback("ws_CO_short", 0, "2000", "'RCPTSHORT1'");
        invoice("INV-PAID", "PAID", "'2026-03-02T06:30:00Z'", "NULL");
        success("INV-PAID", "pay-paid", "ws_CO_paid", "'RCPTPAID01'", "'2026-03-02T06:29:00Z'");
        invoice("INV-CANCELLED", "CANCELLED", "NULL", "'2026-03-02T06:10:00Z'");
        success("INV-CANCELLED", "pay-cancelled", "ws_CO_cancelled", "'RCPTCANC01'", "'2026-03-02T08:00:00Z'");
        callback("ws_CO_cancelled", 0, "2500", "'RCPTCANC01'");
        invoice("INV-OPEN", "PENDING", "NULL", "NULL");
        execute(payment("INV-OPEN", "pay-failed", "FAILED", "1032", "NULL", "NULL", "now()"));

        flyway("7").migrate();

        assertThat(rows("""
                SELECT id || ' ' || status || ' ' || amount_paid_cents || ' '
                       || coalesce(to_char(paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"'), '-') || ' '
                       || coalesce(mpesa_receipt, '-') || ' v' || version
                  FROM %s.invoices ORDER BY id
                """)).containsExactly(
                "INV-CANCELLED PAID 250000 2026-03-02T08:00Z RCPTCANC01 v1",
                "INV-OPEN PENDING 0 - - v0",
                "INV-OVER PAID 300000 2026-03-02T07:00Z RCPTOVER01 v1",
                "INV-PAID PAID 250000 2026-03-02T06:30Z - v0",
                "INV-SHORT SENT 200000 - - v0");
        assertThat(rows("SELECT id || ' ' || coalesce(received_cents::text, '-') FROM %s.payments ORDER BY id"))
                .containsExactly("pay-cancelled 250000", "pay-failed -", "pay-over 300000", "pay-paid 250000",
                        "pay-short 200000");
    }

    @Test
    void givenCallbacksTheOldCodeKept_whenMigrated_thenEachHasAnIdItsBodyAsTextAndAnotherResultCanJoinIt()
            throws SQLException {
        callback("ws_CO_1", 1037, "NULL", "NULL");
        execute("UPDATE %s.stk_callbacks SET raw_body = '{\"ResultCode\": 1037}'".formatted(SCHEMA));

        flyway("7").migrate();
        execute("""
                INSERT INTO %s.stk_callbacks (checkout_request_id, result_code, result_desc, amount, mpesa_receipt,
                                              received_at)
                VALUES ('ws_CO_1', 0, 'ok', 2500, 'RCPT000001', now())
                """.formatted(SCHEMA));

        assertThat(rows("""
                SELECT id || ' ' || checkout_request_id || ' ' || result_code || ' ' || coalesce(raw_body, '-')
                  FROM %s.stk_callbacks ORDER BY id
                """)).containsExactly("1 ws_CO_1 1037 {\"ResultCode\": 1037}", "2 ws_CO_1 0 -");
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

    private void invoice(String id, String status, String paidAt, String cancelledAt) throws SQLException {
        execute("""
                INSERT INTO %s.invoices (id, msisdn, amount_cents, description, status, pay_token, created_at,
                                         paid_at, cancelled_at)
                VALUES ('%s', '254712345678', 250000, 'Cleaning', '%s', 'token-%s', '2026-03-02T06:00:00Z', %s, %s)
                """.formatted(SCHEMA, id, status, id, paidAt, cancelledAt));
    }

    private void success(String invoice, String id, String checkout, String receipt, String updatedAt)
            throws SQLException {
        execute(payment(invoice, id, "SUCCESS", "0", "'" + checkout + "'", receipt, updatedAt));
    }

    private static String payment(String invoice, String id, String status, String resultCode, String checkout,
            String receipt, String updatedAt) {
        return """
                INSERT INTO %s.payments (id, invoice_id, status, amount_cents, idempotency_key, payer_msisdn,
                                         checkout_request_id, result_code, result_desc, mpesa_receipt, created_at,
                                         updated_at)
                VALUES ('%s', '%s', '%s', 250000, 'key-%s', '254712345678', %s, %s, 'desc', %s,
                        '2026-03-02T06:20:00Z', %s)
                """.formatted(SCHEMA, id, invoice, status, id, checkout, resultCode, receipt, updatedAt);
    }

    private void callback(String checkout, int code, String amount, String receipt) throws SQLException {
        execute("""
                INSERT INTO %s.stk_callbacks (checkout_request_id, result_code, result_desc, amount, mpesa_receipt,
                                              received_at, processed_at)
                VALUES ('%s', %d, 'desc', %s, %s, now(), now())
                """.formatted(SCHEMA, checkout, code, amount, receipt));
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
