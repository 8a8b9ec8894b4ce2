package ke.invoiceiq.bootstrap.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last line of defence for "no phone number in the logs": our own code logs {@code Msisdn}s masked, but a
 * library message, a formatted parameter, an exception or an MDC value might not. Attached to the console and file
 * handlers in application.properties ({@code quarkus.log.console.filter}, {@code quarkus.log.file.filter}); a
 * handler runs its filter before it formats the record, on the logging thread, so whatever a formatter then reads
 * from the record is already masked. That is why the record is changed here rather than a formatter's output:
 * Quarkus lets the application plug in filters, not formatters, and one change to the record serves the plain
 * pattern, the JSON console and the JSON file alike. Masking is idempotent ({@code 2547****5678} is no number), so
 * the record passing both handlers' filters is harmless.
 *
 * <ul>
 *   <li><b>Message and parameters</b>: the record is formatted here once and masked; it then carries the finished
 *       text, without parameters.</li>
 *   <li><b>Exception</b> ({@code %e}, the JSON {@code exception}): when the thrown exception, a cause or a
 *       suppressed exception has a number in its text, the record carries a {@link MaskedThrowable} instead: a copy
 *       with the same stack traces and every text masked. An exception without a number is left as it is.</li>
 *   <li><b>MDC</b> ({@code %X}, the JSON {@code mdc}): the record's copy of the MDC is masked value by value; the
 *       thread's MDC is not touched.</li>
 * </ul>
 */
@LoggingFilter(name = PhoneNumberMaskingFilter.NAME)
public final class PhoneNumberMaskingFilter implements Filter {

    public static final String NAME = "mask-phone-numbers";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String masked = PhoneNumbers.mask(formatted);
            if (masked != null && !masked.equals(formatted)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
            maskMdc(ext);
        } else if (record.getMessage() != null && (record.getParameters() == null
                || record.getParameters().length == 0)) {
            record.setMessage(PhoneNumbers.mask(record.getMessage()));
        }
        Throwable thrown = record.getThrown();
        Throwable maskedThrown = MaskedThrowable.maskIfNeeded(thrown);
        if (maskedThrown != thrown) {
            record.setThrown(maskedThrown);
        }
        return true;
    }

    private static void maskMdc(ExtLogRecord record) {
        Map<String, String> mdc = record.getMdcCopy();
        Map<String, String> masked = new LinkedHashMap<>();
        mdc.forEach((key, value) -> masked.put(key, PhoneNumbers.mask(value)));
        if (!Objects.equals(mdc, masked)) {
            record.setMdc(masked);
        }
    }
}
