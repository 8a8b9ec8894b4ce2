package ke.invoiceiq.adapters.daraja.outbound;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Daraja's error envelope (docs/daraja.md) to a {@link DarajaFailure}. */
final class DarajaErrors {

    private static final Pattern INVALID_FIELD = Pattern.compile("Invalid\\s+([A-Za-z]{1,40})");

    private DarajaErrors() {
    }

    static DarajaFailure classify(int status, Optional<String> code, Optional<String> message) {
        String c = code.orElse("");
        String m = message.orElse("").toLowerCase(Locale.ROOT);
        if (status == 401 || c.equals("404.001.03")) {
            return new DarajaFailure.InvalidToken();
        }
        switch (c) {
            case "500.001.1001":
                if (m.contains("credentials") || m.contains("merchant does not exist")) {
                    return new DarajaFailure.Rejected("wrong-credentials");
                }
                return new DarajaFailure.SubscriberLocked();
            case "500.003.02":
                return new DarajaFailure.Throttled("spike-arrest");
            case "500.003.03":
                return new DarajaFailure.Throttled("quota");
            case "500.003.1001":
                return new DarajaFailure.ServerError("server-error");
            case "400.002.02":
                return new DarajaFailure.Rejected("invalid-field:" + fieldName(message));
            default:
                break;
        }
        if (status == 429) {
            return new DarajaFailure.Throttled("http-429");
        }
        if (status >= 500) {
            return new DarajaFailure.ServerError("http-" + status);
        }
        return new DarajaFailure.Rejected("http-" + status);
    }

    /**
     * The field Daraja names in "Bad Request - Invalid PhoneNumber": letters only, so a value (a phone number, an
     * amount) can never leak through it.
     */
    static String fieldName(Optional<String> message) {
        if (message.isEmpty()) {
            return "unknown";
        }
        Matcher matcher = INVALID_FIELD.matcher(message.get());
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
