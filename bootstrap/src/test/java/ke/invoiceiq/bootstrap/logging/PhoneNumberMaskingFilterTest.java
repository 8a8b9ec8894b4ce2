package ke.invoiceiq.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every place a phone number can ride into a log line, masked by the filter before a formatter reads the record:
 * checked on the record and on what the console's plain pattern and the JSON formatter of application.properties
 * make of it.
 */
class PhoneNumberMaskingFilterTest {

    private static final String NUMBER = "254712345678";
    private static final String MASKED = "2547****5678";

    private final PhoneNumberMaskingFilter filter = new PhoneNumberMaskingFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static ExtLogRecord record(String message) {
        return new ExtLogRecord(Level.WARNING, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                PhoneNumberMaskingFilterTest.class.getName());
    }

    private ExtLogRecord filtered(ExtLogRecord record) {
        assertThat(filter.isLoggable(record)).isTrue();
        return record;
    }

    private static String plain(ExtLogRecord record) {
        return new PatternFormatter("%s [%X{payer}]%e%n").format(record);
    }

    private static String json(ExtLogRecord record) {
        return new JsonFormatter().format(record);
    }

    private static void assertNoNumberIn(ExtLogRecord record) {
        assertThat(plain(record)).doesNotContain(NUMBER).contains(MASKED);
        assertThat(json(record)).doesNotContain(NUMBER).contains(MASKED);
    }

    @Test
    void givenANumberInTheMessage_whenFiltered_thenTheMessageIsMasked() {
        ExtLogRecord record = filtered(record("sent to " + NUMBER));

        assertThat(record.getFormattedMessage()).isEqualTo("sent to " + MASKED);
        assertNoNumberIn(record);
    }

    @Test
    void givenANumberInAParameter_whenFiltered_thenTheFormattedMessageIsMasked() {
        var record = new ExtLogRecord(Level.INFO, "sending to {0} then {1}", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                PhoneNumberMaskingFilterTest.class.getName());
        record.setParameters(new Object[] {"+" + NUMBER, "0712345678"});

        filtered(record);

        assertThat(record.getFormattedMessage()).isEqualTo("sending to +" + MASKED + " then 07****5678");
        assertThat(record.getParameters()).isNull();
    }

    @Test
    void givenANumberInTheExceptionMessage_whenFiltered_thenTheExceptionIsAMaskedCopyWithTheSameStackTrace() {
        var thrown = new IllegalStateException("duplicate key (msisdn)=(" + NUMBER + ")");
        ExtLogRecord record = record("could not store the customer");
        record.setThrown(thrown);

        filtered(record);

        Throwable masked = record.getThrown();
        assertThat(masked).isNotSameAs(thrown);
        assertThat(masked.toString())
                .isEqualTo("java.lang.IllegalStateException: duplicate key (msisdn)=(" + MASKED + ")");
        assertThat(masked.getMessage()).startsWith("java.lang.IllegalStateException: ").contains(MASKED);
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace()).isNotEmpty();
        assertNoNumberIn(record);
        assertThat(plain(record)).contains("at " + PhoneNumberMaskingFilterTest.class.getName());
    }

    @Test
    void givenANumberOnlyInACause_whenFiltered_thenTheWholeChainIsCopiedAndTheCauseMasked() {
        var root = new SQLException("ERROR: value " + NUMBER + " violates check constraint");
        var thrown = new UncheckedIOException("could not write", new IOException("write failed", root));
        ExtLogRecord record = record("dispatch failed");
        record.setThrown(thrown);

        filtered(record);

        Throwable masked = record.getThrown();
        assertThat(masked.toString()).isEqualTo("java.io.UncheckedIOException: could not write");
        assertThat(masked.getCause().toString()).isEqualTo("java.io.IOException: write failed");
        assertThat(masked.getCause().getCause().toString())
                .isEqualTo("java.sql.SQLException: ERROR: value " + MASKED + " violates check constraint");
        assertThat(masked.getCause().getCause().getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(masked.getCause().getCause().getCause()).isNull();
        assertNoNumberIn(record);
        assertThat(plain(record)).contains("Caused by: java.sql.SQLException");
    }

    @Test
    void givenANumberInASuppressedException_whenFiltered_thenItIsMaskedToo() {
        var thrown = new IllegalStateException("rollback failed");
        thrown.addSuppressed(new IllegalArgumentException("bad recipient 0712345678"));
        ExtLogRecord record = record("closing the transaction");
        record.setThrown(thrown);

        filtered(record);

        Throwable masked = record.getThrown();
        assertThat(masked.getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s.toString())
                        .isEqualTo("java.lang.IllegalArgumentException: bad recipient 07****5678"));
        assertThat(plain(record)).contains("Suppressed: java.lang.IllegalArgumentException: bad recipient 07****5678")
                .doesNotContain("0712345678");
        assertThat(json(record)).doesNotContain("0712345678");
    }

    @Test
    void givenAnExceptionWithoutANumber_whenFiltered_thenItIsLoggedAsThrown() {
        var thrown = new IllegalStateException("the database is down", new IOException("connection refused"));
        ExtLogRecord record = record("could not claim");
        record.setThrown(thrown);

        filtered(record);

        assertThat(record.getThrown()).isSameAs(thrown);
    }

    @Test
    void givenACauseCycle_whenFiltered_thenEachExceptionIsCopiedOnce() {
        var first = new IllegalStateException("first " + NUMBER);
        var second = new IllegalStateException("second", first);
        first.addSuppressed(second);
        ExtLogRecord record = record("cycle");
        record.setThrown(second);

        filtered(record);

        Throwable masked = record.getThrown();
        assertThat(masked.getCause().getSuppressed()).singleElement().isSameAs(masked);
        assertNoNumberIn(record);
    }

    @Test
    void givenANumberInAnMdcValue_whenFiltered_thenTheRecordsMdcIsMaskedAndTheThreadsIsNot() {
        MDC.put("payer", NUMBER);
        MDC.put("correlationId", "req-0001");
        ExtLogRecord record = record("charging");

        filtered(record);

        assertThat(record.getMdc("payer")).isEqualTo(MASKED);
        assertThat(record.getMdc("correlationId")).isEqualTo("req-0001");
        assertThat(MDC.get("payer")).isEqualTo(NUMBER);
        assertNoNumberIn(record);
    }
}
