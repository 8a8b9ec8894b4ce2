package ke.invoiceiq.adapters.africastalking.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of the inbound side: the status table, error codes, dates, cleaned words. */
class InboundUnitsTest {

    static final Instant FALLBACK = Instant.parse("2026-03-02T06:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Success, DELIVERED", "Sent, SENT", "Submitted, SENT", "Buffered, SENT", "AbsentSubscriber, SENT",
        "Failed, FAILED", "Rejected, FAILED", "Expired, FAILED", "' rejected ', FAILED", "SUCCESS, DELIVERED",
        "Delivered, null", "Queued, null", "'', null", "null, null"})
    void the_status_table(String atStatus, DeliveryStatus expected) {
        assertThat(DeliveryStatuses.of(atStatus)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Failed, InsufficientCredit, InsufficientCredit",
        "Rejected, NotNetworkSubcriber, NotNetworkSubcriber",
        "Rejected, 'User In BlackList!', UserInBlackList",
        "Failed, '', null",
        "Failed, null, null",
        "Expired, null, Expired",
        "expired, UserIsInactive, UserIsInactive",
        "AbsentSubscriber, DeliveryFailure, null",
        "Success, DeliveryFailure, null",
        "Unknown, DeliveryFailure, null"})
    void the_error_code_is_the_failure_reason_of_a_failure(String atStatus, String reason, String expected) {
        assertThat(DeliveryStatuses.errorCode(atStatus, reason)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2026-03-02 10:15:30, 2026-03-02T07:15:30Z",
        "2026-03-02T10:15:30, 2026-03-02T07:15:30Z",
        "2026-03-02 10:15:30.250, 2026-03-02T07:15:30.250Z",
        "2026-03-02T07:15:30Z, 2026-03-02T07:15:30Z",
        "2026-03-02T07:15:30.678Z, 2026-03-02T07:15:30.678Z",
        "2026-03-02T10:15:30+03:00, 2026-03-02T07:15:30Z",
        "' 2026-03-02 10:15:30 ', 2026-03-02T07:15:30Z",
        "02/03/2026 10:15, 2026-03-02T06:00:00Z",
        "yesterday, 2026-03-02T06:00:00Z",
        "'', 2026-03-02T06:00:00Z",
        "null, 2026-03-02T06:00:00Z"})
    void dates_are_read_leniently_as_nairobi_time_else_now(String raw, Instant expected) {
        assertThat(InboundDates.parse(raw, FALLBACK)).isEqualTo(expected);
    }

    @Test
    void words_keep_letters_digits_underscore_and_dash_only() {
        assertThat(Words.clean("ATXid_5e3b-0c1f")).contains("ATXid_5e3b-0c1f");
        assertThat(Words.clean("a b\r\nc<d>")).contains("abcd");
        assertThat(Words.clean(" \n ")).isEmpty();
        assertThat(Words.clean("x".repeat(100))).hasValueSatisfying(s -> assertThat(s).hasSize(64));
        assertThat(Words.forLog(null)).isEqualTo("-");
    }
}
