package ke.invoiceiq.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an audit entry may hold: ids and short ASCII outcomes, never free text; times to the microsecond. */
class AuditEntryTest {

    private static final KeyFingerprint KEY = new KeyFingerprint("0123456789ab");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");

    @ParameterizedTest
    @ValueSource(strings = {"INV-7K3Q9X", "3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35", "o_1",
            "2026-01-01T00:00:00Z/2026-02-01T00:00:00Z"})
    void givenAnIdOrARange_whenKeptAsTarget_thenItIsAccepted(String target) {
        assertThat(AuditEntry.isTarget(target)).isTrue();
        assertThat(entry(Optional.of(target), "200").target()).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "254712345678 Wanjiru", "x;y", "é", "line\nbreak"})
    void givenFreeText_whenKeptAsTarget_thenItIsRefused(String target) {
        assertThat(AuditEntry.isTarget(target)).isFalse();
        assertThatThrownBy(() -> entry(Optional.of(target), "200")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenATargetOfTheMaximumLength_whenKept_thenOneMoreIsRefused() {
        assertThat(AuditEntry.isTarget("a".repeat(AuditEntry.MAX_TARGET))).isTrue();
        assertThat(AuditEntry.isTarget("a".repeat(AuditEntry.MAX_TARGET + 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "200\n", "409 \u00e9"})
    void givenAnEmptyOrNonAsciiOutcome_whenKept_thenItIsRefused(String outcome) {
        assertThatThrownBy(() -> entry(Optional.empty(), outcome)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnOutcomeOverTheMaximum_whenKept_thenItIsRefused() {
        assertThat(entry(Optional.empty(), "x".repeat(AuditEntry.MAX_OUTCOME)).outcome()).hasSize(100);
        assertThatThrownBy(() -> entry(Optional.empty(), "x".repeat(AuditEntry.MAX_OUTCOME + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNanoseconds_whenKept_thenTheTimeIsToTheMicrosecondAsTheDatabaseKeepsIt() {
        assertThat(entry(Optional.empty(), "200").at()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789a", "0123456789abc", "0123456789AB", "0123456789ag"})
    void givenAnythingButTwelveLowercaseHexDigits_whenAFingerprint_thenItIsRefused(String value) {
        assertThatThrownBy(() -> new KeyFingerprint(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEntriesAtOneTime_whenPaged_thenTheCursorOrdersThemByIdDescending() {
        AuditEntry b = new AuditEntry("b", AT, KEY, AdminAction.REMIND_INVOICE, Optional.empty(), "202 reminded");
        AuditEntry a = new AuditEntry("a", AT, KEY, AdminAction.REMIND_INVOICE, Optional.empty(), "202 reminded");
        AuditEntry older = new AuditEntry("z", AT.minusSeconds(1), KEY, AdminAction.CANCEL_INVOICE,
                Optional.empty(), "200 cancelled");

        AuditCursor afterB = AuditCursor.after(b);

        assertThat(afterB.precedes(a)).isTrue();
        assertThat(afterB.precedes(older)).isTrue();
        assertThat(afterB.precedes(b)).isFalse();
        assertThat(AuditCursor.after(a).precedes(b)).isFalse();
    }

    private static AuditEntry entry(Optional<String> target, String outcome) {
        return new AuditEntry("e-1", AT, KEY, AdminAction.CANCEL_INVOICE, target, outcome);
    }
}
