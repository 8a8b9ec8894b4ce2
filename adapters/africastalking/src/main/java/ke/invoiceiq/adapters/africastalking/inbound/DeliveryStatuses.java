package ke.invoiceiq.adapters.africastalking.inbound;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.DeliveryStatus;

/**
 * Africa's Talking's delivery-report {@code status} (docs/sms.md) to our {@link DeliveryStatus}, matched
 * without regard to case.
 *
 * <table>
 * <caption>status mapping</caption>
 * <tr><th>AT status</th><th>ours</th><th>why</th></tr>
 * <tr><td>Success</td><td>DELIVERED</td><td>the handset has it (final)</td></tr>
 * <tr><td>Sent, Submitted, Buffered</td><td>SENT</td><td>on its way: with the telco, or queued there</td></tr>
 * <tr><td>AbsentSubscriber</td><td>SENT</td><td>phone off or out of coverage: the telco keeps trying, not final</td></tr>
 * <tr><td>Failed, Rejected</td><td>FAILED</td><td>final per AT</td></tr>
 * <tr><td>Expired</td><td>FAILED</td><td>the telco gave up: once expired it is never delivered</td></tr>
 * </table>
 * Anything else is unknown: the caller acknowledges it and records nothing.
 */
final class DeliveryStatuses {

    private static final Map<String, DeliveryStatus> BY_AT_STATUS = Map.of(
            "success", DeliveryStatus.DELIVERED,
            "sent", DeliveryStatus.SENT,
            "submitted", DeliveryStatus.SENT,
            "buffered", DeliveryStatus.SENT,
            "absentsubscriber", DeliveryStatus.SENT,
            "failed", DeliveryStatus.FAILED,
            "rejected", DeliveryStatus.FAILED,
            "expired", DeliveryStatus.FAILED);

    private DeliveryStatuses() {
    }

    static Optional<DeliveryStatus> of(String atStatus) {
        return atStatus == null ? Optional.empty()
                : Optional.ofNullable(BY_AT_STATUS.get(atStatus.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The error code kept with a failure: AT's {@code failureReason} ({@code UserInBlackList},
     * {@code DeliveryFailure}, …) when it sent one, else {@code Expired} for an expired message (so the trail tells
     * it from a refusal); nothing for a status that is not a failure.
     */
    static Optional<String> errorCode(String atStatus, String failureReason) {
        if (of(atStatus).orElse(null) != DeliveryStatus.FAILED) {
            return Optional.empty();
        }
        Optional<String> reason = Words.clean(failureReason);
        if (reason.isPresent()) {
            return reason;
        }
        return atStatus.strip().equalsIgnoreCase("expired") ? Optional.of("Expired") : Optional.empty();
    }
}
