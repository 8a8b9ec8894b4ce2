package ke.invoiceiq.bootstrap.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together the log lines of one inbound request and of the work it triggers. A caller's
 * {@code X-Request-Id} is kept when it is a plain token (a load balancer's or Meta's trace id); anything else is
 * replaced, so a header can never inject text or line breaks into the logs.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:=-]{8,64}");

    private CorrelationId() {
    }

    /** The caller's id when it is a plain token of 8 to 64 characters, else a new random one. */
    public static String fromHeader(Optional<String> header) {
        return header.map(String::strip).filter(value -> PLAIN_TOKEN.matcher(value).matches())
                .orElseGet(CorrelationId::newId);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
