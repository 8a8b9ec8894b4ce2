package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.messaging.InboundEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InboundEventLog} must do. */
public abstract class InboundEventLogContract {

    /** An empty log; called once before each test. */
    protected abstract InboundEventLog log();

    private InboundEventLog log;

    @BeforeEach
    void startEmpty() {
        log = log();
    }

    @Test
    void seesAnEventFirstOnlyOnce() {
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(0))).isTrue();
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(5))).isFalse();
        assertThat(log.firstSeen("whatsapp", "wamid.HBgM1", at(3_600))).isFalse();
    }

    @Test
    void tellsEventsApartByProviderAndId() {
        log.firstSeen("whatsapp", "ATXid_1", at(0));

        assertThat(log.firstSeen("sms", "ATXid_1", at(1))).isTrue();
        assertThat(log.firstSeen("whatsapp", "ATXid_2", at(2))).isTrue();
    }

    @Test
    void seesARedeliveryRacingTheFirstDeliveryOnlyOnceAsFirst() throws InterruptedException {
        var answers = Concurrently.run(20, i -> log.firstSeen("whatsapp", "wamid.HBgM1", at(i)));

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
    }
}
