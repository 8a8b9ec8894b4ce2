package ke.invoiceiq.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations at the SQL level, with no adapter in between: the rules the database itself keeps even
 * against a buggy caller (CHECK constraints, the one-in-flight index, the privacy of the audit trail).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SchemaTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INVOICE = """
            INSERT INTO invoices (id, msisdn, amount_cents, description, status, pay_token, created_at)
            VALUES ('INV-000001', '254712345678', 250000, 'Cleaning', '%s', 'token-000000000000000001', now())
            """;

    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clean();
    }

    @Test
    void flywayAppliedTheSchema() throws SQLException {
        assertThat(strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .contains("1");
        assertThat(strings("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name
                """)).containsExactly("admin_audit", "c2b_payments", "chat_sessions", "customers",
                "held_delivery_reports", "idempotency_answers", "inbound_events", "invoices", "message_log", "outbox",
                "outside_payments", "payments", "reminder_opt_outs", "reply_cooldowns", "send_slots", "stk_callbacks",
                "unmatched_payments", "webhook_inbox");
    }

    @Test
    void givenTheMigrations_whenApplied_thenEveryRetentionPurgeHasAnIndexOnItsCutoff() throws SQLException {
        assertThat(strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .contains("1", "2");
        assertThat(strings("""
                SELECT tablename || ': ' || indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND indexname IN ('inbound_events_seen_idx', 'message_log_created_idx',
                       'outbox_finished_idx', 'stk_callbacks_processed_idx', 'customers_contacts_inbound_idx',
                       'idempotency_answers_claimed_idx')
                 ORDER BY tablename
                """)).satisfiesExactly(
                customers -> assertThat(customers).startsWith("customers: ").contains("(last_inbound_at)")
                        .contains("WHERE (NOT is_customer)"),
                answers -> assertThat(answers).startsWith("idempotency_answers: ").contains("(claimed_at)"),
                inbound -> assertThat(inbound).startsWith("inbound_events: ").contains("(seen_at)"),
                log -> assertThat(log).startsWith("message_log: ").contains("(created_at)"),
                outbox -> assertThat(outbox).startsWith("outbox: ").contains("(updated_at)")
                        .contains("'SENT'").contains("'FAILED'").doesNotContain("PENDING"),
                callbacks -> assertThat(callbacks).startsWith("stk_callbacks: ").contains("(processed_at)")
                        .contains("processed_at IS NOT NULL"));
    }

    @Test
    void givenTheOutboxCorrelationId_whenItIsNotAPlainTokenOfAtMost64Characters_thenTheDatabaseRefusesIt()
            throws SQLException {
        assertThat(strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .contains("1", "2", "3");
        String insert = """
                INSERT INTO outbox (id, recipient_msisdn, purpose, channel, content, status, next_attempt_at,
                                    created_at, correlation_id)
                VALUES ('%s', '254712345678', 'REPLY', 'WHATSAPP', '{}', 'PENDING', now(), now(), %s)
                """;
        database.execute(insert.formatted("o-1", "NULL"));
        database.execute(insert.formatted("o-2", "'" + "a".repeat(64) + "'"));
        database.execute(insert.formatted("o-3", "'req-1:a.b=c_d'"));

        for (String bad : List.of("'" + "a".repeat(65) + "'", "''", "'a b'", "E'a\\nb'", "'a;b'")) {
            assertRejected(insert.formatted("o-bad", bad), CHECK_VIOLATION, "outbox_correlation_id_ck");
        }
    }

    @Test
    void rejectsAnInvoiceInAStatusThatDoesNotExist() {
        assertRejected(INVOICE.formatted("DRAFT"), CHECK_VIOLATION, "invoices_status_ck");
    }

    @Test
    void rejectsBadStatusesChannelsAndAmountsEverywhere() {
        database.execute(INVOICE.formatted("SENT"));
        List<String> rejected = List.of(
                "UPDATE invoices SET delivery_channel = 'EMAIL'",
                "UPDATE invoices SET amount_cents = 250050",
                "UPDATE invoices SET status = 'PAID'",
                "INSERT INTO payments (id, invoice_id, status, amount_cents, idempotency_key, payer_msisdn, created_at,"
                        + " updated_at) VALUES ('p', 'INV-000001', 'PENDING', 100, 'k', '254712345678', now(), now())",
                "INSERT INTO payments (id, invoice_id, method, status, amount_cents, idempotency_key, payer_msisdn,"
                        + " created_at, updated_at) VALUES ('p', 'INV-000001', 'CARD', 'INITIATED', 100, 'k',"
                        + " '254712345678', now(), now())",
                "INSERT INTO outbox (id, recipient_msisdn, purpose, channel, content, status, next_attempt_at,"
                        + " created_at) VALUES ('o', '254712345678', 'REPLY', 'WHATSAPP', '{}', 'QUEUED', now(), now())",
                "INSERT INTO outbox (id, recipient_msisdn, purpose, channel, content, status, next_attempt_at,"
                        + " created_at) VALUES ('o', '254712345678', 'REPLY', 'TELEGRAM', '{}', 'PENDING', now(), now())",
                "INSERT INTO message_log (id, channel, direction, event, created_at)"
                        + " VALUES ('l', 'WHATSAPP', 'SIDEWAYS', 'sent', now())",
                "INSERT INTO chat_sessions (merchant_msisdn, state_kind, state, version)"
                        + " VALUES ('254712345678', 'DANCING', '{}', 1)");
        for (String statement : rejected) {
            assertRejected(statement, CHECK_VIOLATION, "_ck");
        }
    }

    @Test
    void givenV8_whenOutboxRowsUseTheNewPurposesAndStates_thenOnlyACoalescedRowNamingItsDigestIsAccepted() {
        String row = "INSERT INTO outbox (id, recipient_msisdn, purpose, channel, content, status, next_attempt_at,"
                + " created_at, coalesced_into) VALUES ('%s', '254712345678', '%s', 'WHATSAPP', '{}', '%s', now(),"
                + " now(), %s)";
        database.execute(row.formatted("cancel", "CANCELLATION", "PENDING", "NULL"));
        database.execute(row.formatted("digest", "MERCHANT_DIGEST", "SENT", "NULL"));
        database.execute(row.formatted("carried", "MERCHANT_NOTICE", "COALESCED", "'digest'"));

        assertRejected(row.formatted("lost", "MERCHANT_NOTICE", "COALESCED", "NULL"), CHECK_VIOLATION,
                "outbox_coalesced_into_ck");
        assertRejected(row.formatted("odd", "MERCHANT_NOTICE", "SENT", "'digest'"), CHECK_VIOLATION,
                "outbox_coalesced_into_ck");
        assertRejected("INSERT INTO send_slots (key, busy_until) VALUES ('to:0712345678', now())", CHECK_VIOLATION,
                "send_slots_key_ck");
    }

    @Test
    void allowsOneInitiatedPaymentPerInvoiceAtTheSqlLevel() {
        database.execute(INVOICE.formatted("SENT"));
        database.execute(payment("pay-1", "key-1", "FAILED", "1032"));
        database.execute(payment("pay-2", "key-2", "INITIATED", "NULL"));

        assertRejected(payment("pay-3", "key-3", "INITIATED", "NULL"), UNIQUE_VIOLATION, "payments_one_in_flight_uq");

        database.execute("UPDATE payments SET status = 'EXPIRED', result_code = 1019, result_desc = '' WHERE id = 'pay-2'");
        database.execute(payment("pay-3", "key-3", "INITIATED", "NULL"));
    }

    @Test
    void refusesAPaymentOfAnInvoiceThatDoesNotExist() {
        assertRejected(payment("pay-1", "key-1", "INITIATED", "NULL"), "23503", "payments_invoice_id_fkey");
    }

    @Test
    void keepsNoTextNumberOrNameInTheAuditTrail() throws SQLException {
        assertThat(strings("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = 'message_log' ORDER BY ordinal_position
                """)).containsExactly("id", "seq", "invoice_id", "channel", "direction", "event",
                "provider_message_id", "error_code", "created_at");
    }

    @Test
    void givenPayments_whenWhatTheyReceivedContradictsTheirStatus_thenTheDatabaseRefusesIt() {
        database.execute(INVOICE.formatted("SENT"));
        database.execute(payment("pay-1", "key-1", "FAILED", "1032"));

        assertRejected("UPDATE payments SET received_cents = 250000 WHERE id = 'pay-1'", CHECK_VIOLATION,
                "payments_received_ck");
        assertRejected("UPDATE payments SET status = 'SUCCESS', result_code = 0 WHERE id = 'pay-1'", CHECK_VIOLATION,
                "payments_received_ck");
        assertRejected("UPDATE payments SET status = 'SUCCESS', result_code = 0, received_cents = 0 WHERE id = 'pay-1'",
                CHECK_VIOLATION, "payments_received_ck");
        database.execute("UPDATE payments SET status = 'SUCCESS', result_code = 0, received_cents = 1 WHERE id = 'pay-1'");
    }

    @Test
    void givenAReceiptRecordedOnce_whenAnotherPaymentRecordsItToo_thenTheDatabaseRefusesIt() {
        database.execute(INVOICE.formatted("SENT"));
        database.execute(payment("pay-1", "key-1", "FAILED", "1032"));
        database.execute(payment("pay-2", "key-2", "FAILED", "1032"));
        database.execute("UPDATE payments SET mpesa_receipt = 'NLJ7RT61SV' WHERE id = 'pay-1'");

        assertRejected("UPDATE payments SET mpesa_receipt = 'NLJ7RT61SV' WHERE id = 'pay-2'", UNIQUE_VIOLATION,
                "payments_mpesa_receipt_uq");
    }

    @Test
    void givenAnInvoice_whenWhatItWasPaidIsNegative_thenTheDatabaseRefusesIt() {
        database.execute(INVOICE.formatted("SENT"));

        assertRejected("UPDATE invoices SET amount_paid_cents = -1", CHECK_VIOLATION, "invoices_amount_paid_ck");
        assertRejected("UPDATE invoices SET amount_paid_cents = NULL", "23502", "amount_paid_cents");
    }

    @Test
    void givenTwoInvoices_whenTheyShareACreationKey_thenTheDatabaseRefusesIt() {
        database.execute(INVOICE.formatted("SENT"));
        database.execute("UPDATE invoices SET creation_key = 'create-1'");

        assertRejected("""
                INSERT INTO invoices (id, msisdn, amount_cents, description, status, pay_token, created_at,
                                      creation_key)
                VALUES ('INV-000002', '254712345678', 250000, 'Cleaning', 'SENT', 'token-2', now(), 'create-1')
                """, UNIQUE_VIOLATION, "invoices_creation_key_uq");
    }

    @Test
    void givenAKeptCallback_whenTheSameResultComesAgain_thenOnlyADifferentResultIsKept() {
        String callback = """
                INSERT INTO stk_callbacks (checkout_request_id, result_code, result_desc, mpesa_receipt, raw_body,
                                           received_at)
                VALUES ('ws_CO_1', %d, 'desc', %s, '{"Body": 1 }', now())
                """;
        database.execute(callback.formatted(1037, "NULL"));
        database.execute(callback.formatted(0, "'NLJ7RT61SV'"));
        database.execute(callback.formatted(0, "'NLJ7RT61SW'"));

        assertRejected(callback.formatted(1037, "NULL"), UNIQUE_VIOLATION, "stk_callbacks_result_uq");
        assertRejected(callback.formatted(0, "'NLJ7RT61SV'"), UNIQUE_VIOLATION, "stk_callbacks_result_uq");
    }

    @Test
    void givenUnmatchedPayments_whenTheyBreakTheirRules_thenTheDatabaseRefusesThem() {
        database.execute(INVOICE.formatted("SENT"));
        String payment = """
                INSERT INTO unmatched_payments (id, checkout_request_id, mpesa_receipt, amount_cents, payer_msisdn,
                                                received_at, status, applied_invoice_id, resolved_at, version)
                VALUES ('%s', 'ws_CO_1', %s, %s, %s, now(), '%s', %s, %s, 0)
                """;
        database.execute(payment.formatted("u-1", "'NLJ7RT61SV'", "250000", "'254712345678'", "OPEN", "NULL", "NULL"));

        assertRejected(payment.formatted("u-2", "'NLJ7RT61SV'", "100", "NULL", "OPEN", "NULL", "NULL"),
                UNIQUE_VIOLATION, "unmatched_payments_money_uq");
        assertRejected(payment.formatted("u-2", "NULL", "0", "NULL", "OPEN", "NULL", "NULL"),
                CHECK_VIOLATION, "unmatched_payments_amount_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "'0712345678'", "OPEN", "NULL", "NULL"),
                CHECK_VIOLATION, "unmatched_payments_payer_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "NULL", "REFUNDED", "NULL", "NULL"),
                CHECK_VIOLATION, "unmatched_payments_status_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "NULL", "APPLIED", "NULL", "NULL"),
                CHECK_VIOLATION, "unmatched_payments_applied_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "NULL", "OPEN", "'INV-000001'", "now()"),
                CHECK_VIOLATION, "unmatched_payments_applied_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "NULL", "APPLIED", "'INV-000001'", "NULL"),
                CHECK_VIOLATION, "unmatched_payments_resolved_ck");
        assertRejected(payment.formatted("u-2", "NULL", "NULL", "NULL", "APPLIED", "'INV-000009'", "now()"),
                "23503", "unmatched_payments_applied_invoice_id_fkey");
        database.execute(payment.formatted("u-2", "NULL", "NULL", "NULL", "APPLIED", "'INV-000001'", "now()"));
    }

    @Test
    void givenC2bMoney_whenItBreaksItsRules_thenTheDatabaseRefusesIt() {
        String unmatched = """
                INSERT INTO unmatched_payments (id, checkout_request_id, mpesa_receipt, amount_cents, received_at,
                                                status, version)
                VALUES ('%s', NULL, %s, 70000, now(), 'OPEN', 0)
                """;
        database.execute(unmatched.formatted("u-1", "'QAB1CD2EF3'"));

        assertRejected(unmatched.formatted("u-2", "'QAB1CD2EF3'"), UNIQUE_VIOLATION, "unmatched_payments_c2b_uq");
        assertRejected(unmatched.formatted("u-2", "NULL"), CHECK_VIOLATION, "unmatched_payments_named_ck");

        String kept = """
                INSERT INTO c2b_payments (trans_id, kind, amount_cents, transaction_time, short_code, account,
                                          received_at)
                VALUES ('%s', '%s', %s, now(), '%s', %s, now())
                """;
        database.execute(kept.formatted("QAB1CD2EF3", "PAYBILL", "250000", "600100", "'INV-7K3Q9X'"));
        assertRejected(kept.formatted("QAB1CD2EF3", "TILL", "100", "600100", "NULL"), UNIQUE_VIOLATION,
                "c2b_payments_pkey");
        assertRejected(kept.formatted("QAB1CD2EF4", "CASH", "100", "600100", "NULL"), CHECK_VIOLATION,
                "c2b_payments_kind_ck");
        assertRejected(kept.formatted("QAB1CD2EF4", "TILL", "0", "600100", "NULL"), CHECK_VIOLATION,
                "c2b_payments_amount_ck");
        assertRejected(kept.formatted("QAB1CD2EF4", "TILL", "100", "60", "NULL"), CHECK_VIOLATION,
                "c2b_payments_short_code_ck");
        assertRejected(kept.formatted("QAB1CD2EF4", "PAYBILL", "100", "600100", "'" + "X".repeat(21) + "'"),
                CHECK_VIOLATION, "c2b_payments_account_ck");
    }

    @Test
    void givenIdempotencyAnswers_whenHalfAnswered_thenTheDatabaseRefusesThem() {
        String answer = """
                INSERT INTO idempotency_answers (scope, key, fingerprint, status, body, claimed_at, completed_at)
                VALUES ('POST /invoices', '%s', 'f', %s, %s, now(), %s)
                """;
        database.execute(answer.formatted("k-1", "NULL", "NULL", "NULL"));
        database.execute(answer.formatted("k-2", "201", "'{}'", "now()"));

        assertRejected(answer.formatted("k-3", "201", "NULL", "now()"), CHECK_VIOLATION,
                "idempotency_answers_completed_ck");
        assertRejected(answer.formatted("k-3", "NULL", "'{}'", "now()"), CHECK_VIOLATION,
                "idempotency_answers_completed_ck");
        assertRejected(answer.formatted("k-3", "201", "'{}'", "NULL"), CHECK_VIOLATION,
                "idempotency_answers_completed_ck");
        assertRejected(answer.formatted("k-1", "NULL", "NULL", "NULL"), UNIQUE_VIOLATION, "idempotency_answers_pkey");
    }

    private void assertRejected(String statement, String sqlState, String constraint) {
        assertThatThrownBy(() -> database.execute(statement)).as(statement)
                .rootCause()
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(constraint)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(statement).isEqualTo(sqlState));
    }

    private static String payment(String id, String key, String status, String resultCode) {
        String desc = resultCode.equals("NULL") ? "NULL" : "'result'";
        return """
                INSERT INTO payments (id, invoice_id, status, amount_cents, idempotency_key, payer_msisdn,
                                      result_code, result_desc, created_at, updated_at)
                VALUES ('%s', 'INV-000001', '%s', 250000, '%s', '254712345678', %s, %s, now(), now())
                """.formatted(id, status, key, resultCode, desc);
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            var values = new ArrayList<String>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
