package ke.invoiceiq.bootstrap.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last line of defence for "no phone number in the logs": our own code logs {@code Msisdn}s masked, but a
 * library message or a formatted parameter might not. Every record is formatted here once and masked; the
 * record then carries the finished text. Attached to the console and file handlers in application.properties.
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
        } else if (record.getMessage() != null && (record.getParameters() == null
                || record.getParameters().length == 0)) {
            record.setMessage(PhoneNumbers.mask(record.getMessage()));
        }
        return true;
    }
}
