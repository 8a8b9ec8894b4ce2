package ke.invoiceiq.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.ButtonView;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.MessageView;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.PaneView;
import ke.invoiceiq.adapters.sandbox.SandboxPhones.Prompt;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/** The page's state: bounded per phone and in phones, statuses only forward, prompts open and close once. */
class SandboxPhonesTest {

    private static final Msisdn PHONE = new Msisdn("254712345678");
    private static final Instant NOW = Instant.parse("2026-11-22T03:24:41Z");

    @Test
    void givenMoreMessagesThanTheHistory_thenOnlyTheLastOnesAreKept() {
        SandboxPhones phones = new SandboxPhones(200);
        for (int i = 1; i <= 250; i++) {
            phones.received(PHONE, "wamid." + i, SandboxPhones.WHATSAPP, SandboxPhones.TEXT, "message " + i, List.of(),
                    NOW);
        }

        List<MessageView> kept = phones.pane(PHONE, true, NOW).messages();
        assertThat(kept).hasSize(200);
        assertThat(phones.size(PHONE)).isEqualTo(200);
        assertThat(kept.getFirst().text()).isEqualTo("message 51");
        assertThat(kept.getLast().text()).isEqualTo("message 250");
    }

    @Test
    void givenMorePhonesThanTheBound_thenTheLeastRecentlyUsedIsDropped() {
        SandboxPhones phones = new SandboxPhones(5);
        for (int i = 0; i <= SandboxPhones.MAX_PHONES; i++) {
            Msisdn phone = new Msisdn("2547" + String.format("%08d", i));
            phones.received(phone, "id" + i, SandboxPhones.SMS, SandboxPhones.TEXT, "x", List.of(), NOW);
        }

        assertThat(phones.numbers()).hasSize(SandboxPhones.MAX_PHONES);
        assertThat(phones.size(new Msisdn("254700000000"))).as("the oldest phone is gone").isZero();
        assertThat(phones.numbers().getFirst()).as("most recent first")
                .isEqualTo("2547" + String.format("%08d", SandboxPhones.MAX_PHONES));
    }

    @Test
    void givenStatuses_thenTheyOnlyMoveForward() {
        SandboxPhones phones = new SandboxPhones(10);
        phones.received(PHONE, "wamid.1", SandboxPhones.WHATSAPP, SandboxPhones.TEXT, "hi", List.of(), NOW);

        assertThat(phones.status(PHONE, "wamid.1", "read")).isTrue();
        assertThat(phones.status(PHONE, "wamid.1", "delivered")).as("a late delivered").isFalse();
        assertThat(phones.pane(PHONE, true, NOW).messages().getFirst().status()).isEqualTo("read");
        assertThat(phones.status(PHONE, "wamid.unknown", "read")).isFalse();
    }

    @Test
    void givenEveryChange_thenTheVersionGrows() {
        SandboxPhones phones = new SandboxPhones(10);
        long before = phones.version();
        phones.sent(PHONE, "wamid.1", SandboxPhones.WHATSAPP, "hi", NOW);
        long afterSend = phones.version();
        phones.status(PHONE, "wamid.1", "sent");

        assertThat(afterSend).isGreaterThan(before);
        assertThat(phones.version()).isGreaterThan(afterSend);
    }

    @Test
    void givenAMessageWithButtons_whenAButtonIsLookedUp_thenTheNewestMessageCarryingItAnswers() {
        SandboxPhones phones = new SandboxPhones(10);
        phones.received(PHONE, "wamid.old", SandboxPhones.WHATSAPP, SandboxPhones.BUTTONS, "invoice",
                List.of(new ButtonView("pay_INV-1", "Pay with M-PESA")), NOW);
        phones.received(PHONE, "wamid.new", SandboxPhones.WHATSAPP, SandboxPhones.BUTTONS, "reminder",
                List.of(new ButtonView("pay_INV-1", "Pay with M-PESA"), new ButtonView("view_INV-1", "View details")),
                NOW);

        assertThat(phones.findButton(PHONE, "pay_INV-1")).hasValueSatisfying(origin -> {
            assertThat(origin.messageId()).isEqualTo("wamid.new");
            assertThat(origin.title()).isEqualTo("Pay with M-PESA");
            assertThat(origin.kind()).isEqualTo(SandboxPhones.BUTTONS);
        });
        assertThat(phones.findButton(PHONE, "cancel_INV-1")).isEmpty();
        assertThat(phones.findButton(new Msisdn("254711111111"), "pay_INV-1")).isEmpty();
    }

    @Test
    void givenAPrompt_whenClosedTwice_thenOnlyTheFirstCloseGetsIt() {
        SandboxPhones phones = new SandboxPhones(10);
        phones.open(new Prompt("ws_CO_1", "mr", PHONE, 2500, "INV-7K3Q9X", "Shop", NOW, NOW.plusSeconds(20)));

        PaneView pane = phones.pane(PHONE, true, NOW.plusSeconds(5));
        assertThat(pane.prompt()).isNotNull();
        assertThat(pane.prompt().amount()).isEqualTo(2500);
        assertThat(pane.prompt().secondsLeft()).isEqualTo(15);
        assertThat(phones.close("ws_CO_1")).isPresent();
        assertThat(phones.close("ws_CO_1")).isEmpty();
        assertThat(phones.pane(PHONE, true, NOW).prompt()).isNull();
    }

    @Test
    void givenTooManyOpenPrompts_thenTheOldestAreDropped() {
        SandboxPhones phones = new SandboxPhones(10);
        for (int i = 0; i <= SandboxPhones.MAX_PROMPTS; i++) {
            phones.open(new Prompt("ws_CO_" + i, "mr", PHONE, 1, "INV-1", "Shop", NOW, NOW));
        }
        assertThat(phones.prompt("ws_CO_0")).isEmpty();
        assertThat(phones.prompt("ws_CO_" + SandboxPhones.MAX_PROMPTS)).isPresent();
    }
}
