package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.audit.AuditEntry;
import ke.invoiceiq.domain.audit.KeyFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdminAuditLog} must do: keep each entry whole, once; list them newest first (time, then id,
 * descending), strictly after a cursor.
 */
public abstract class AdminAuditLogContract {

    private static final KeyFingerprint KEY = new KeyFingerprint("a1b2c3d4e5f6");

    /** An empty log; called once before each test. */
    protected abstract AdminAuditLog log();

    private AdminAuditLog log;

    @BeforeEach
    void startEmpty() {
        log = log();
    }

    @Test
    void givenAnEntry_whenAppended_thenItIsListedWhole() {
        AuditEntry entry = new AuditEntry("e-1", at(10), KEY, AdminAction.CANCEL_INVOICE, Optional.of("INV-000001"),
                "409 invoice-already-paid");

        log.append(entry);

        assertThat(log.latest(Optional.empty(), 10)).containsExactly(entry);
    }

    @Test
    void givenAnEntryWithoutATarget_whenAppended_thenItIsListedWithoutOne() {
        AuditEntry entry = new AuditEntry("e-1", at(10), KEY, AdminAction.REMIND_INVOICE, Optional.empty(),
                "400 validation-error");

        log.append(entry);

        assertThat(log.latest(Optional.empty(), 10)).containsExactly(entry);
    }

    @Test
    void givenAnIdKeptAlready_whenAppendedAgain_thenItIsRefusedAndTheFirstStays() {
        AuditEntry first = entry("e-1", 10);
        log.append(first);

        assertThatThrownBy(() -> log.append(entry("e-1", 20))).isInstanceOf(IllegalStateException.class);

        assertThat(log.latest(Optional.empty(), 10)).containsExactly(first);
    }

    @Test
    void givenEntries_whenListed_thenNewestFirstThenIdDescendingAndAtMostTheLimit() {
        AuditEntry old = entry("e-9", 10);
        AuditEntry sameTimeLow = entry("e-1", 20);
        AuditEntry sameTimeHigh = entry("e-2", 20);
        AuditEntry newest = entry("e-0", 30);
        log.append(old);
        log.append(sameTimeLow);
        log.append(newest);
        log.append(sameTimeHigh);

        assertThat(log.latest(Optional.empty(), 10)).containsExactly(newest, sameTimeHigh, sameTimeLow, old);
        assertThat(log.latest(Optional.empty(), 2)).containsExactly(newest, sameTimeHigh);
        assertThat(log.latest(Optional.empty(), 0)).isEmpty();
    }

    @Test
    void givenACursor_whenListed_thenOnlyTheEntriesStrictlyAfterIt() {
        AuditEntry old = entry("e-9", 10);
        AuditEntry sameTimeLow = entry("e-1", 20);
        AuditEntry sameTimeHigh = entry("e-2", 20);
        log.append(old);
        log.append(sameTimeLow);
        log.append(sameTimeHigh);

        assertThat(log.latest(Optional.of(AuditCursor.after(sameTimeHigh)), 10)).containsExactly(sameTimeLow, old);
        assertThat(log.latest(Optional.of(AuditCursor.after(sameTimeLow)), 10)).containsExactly(old);
        assertThat(log.latest(Optional.of(AuditCursor.after(old)), 10)).isEmpty();
    }

    private static AuditEntry entry(String id, int second) {
        return new AuditEntry(id, at(second), KEY, AdminAction.REMIND_INVOICE, Optional.of("INV-000001"),
                "202 reminded");
    }
}
