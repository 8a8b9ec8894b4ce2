package ke.invoiceiq.adapters.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ke.invoiceiq.adapters.whatsapp.outbound.GraphMessages.Choice;
import org.junit.jupiter.api.Test;

/** Meta's limits on what the adapter sends, enforced below the domain's own checks. */
class GraphMessagesTest {

    private static final String TO = "254712345678";

    @Test
    void givenFourButtons_whenBuilt_thenFirstThreeKept() {
        GraphMessage message = GraphMessages.buttons(TO, "Pick one", List.of(new Choice("A", "One"),
                new Choice("B", "Two"), new Choice("C", "Three"), new Choice("D", "Four")));

        assertThat(message.type()).isEqualTo("interactive");
        assertThat(message.interactive().action().buttons()).extracting(b -> b.reply().id())
                .containsExactly("A", "B", "C");
    }

    @Test
    void givenTitleOver20_whenBuilt_thenCutTo19PlusEllipsis() {
        GraphMessage message = GraphMessages.buttons(TO, "Pick", List.of(new Choice("A", "Pay with M-PESA right now")));

        String title = message.interactive().action().buttons().get(0).reply().title();
        assertThat(title).isEqualTo("Pay with M-PESA rig…");
        assertThat(title.codePointCount(0, title.length())).isEqualTo(20);
    }

    @Test
    void givenEmojiAtTheCut_whenTruncated_thenSurrogatePairNeverSplit() {
        String title = "Pay now 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"; // 8 + 13 = 21 code points

        String cut = GraphMessages.truncate(title, 20);

        assertThat(cut).isEqualTo("Pay now 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂…");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(20);
        assertThat(cut.chars().filter(c -> Character.isHighSurrogate((char) c)).count())
                .isEqualTo(cut.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
    }

    @Test
    void givenTextWithinLimit_whenTruncated_thenUnchanged() {
        assertThat(GraphMessages.truncate("🙂".repeat(20), 20)).isEqualTo("🙂".repeat(20));
    }

    @Test
    void givenNoButtons_whenBuilt_thenSentAsText() {
        GraphMessage message = GraphMessages.buttons(TO, "Just text", List.of());

        assertThat(message.type()).isEqualTo("text");
        assertThat(message.interactive()).isNull();
        assertThat(message.text().body()).isEqualTo("Just text");
        assertThat(message.text().previewUrl()).isFalse();
    }

    @Test
    void givenInvalidOrRepeatedIds_whenBuilt_thenThoseButtonsDropped() {
        GraphMessage message = GraphMessages.buttons(TO, "Pick", List.of(new Choice("x".repeat(257), "Too long"),
                new Choice(" A", "Spaced"), new Choice("A", "One"), new Choice("A", "Again"), new Choice("B", " ")));

        assertThat(message.interactive().action().buttons()).extracting(b -> b.reply().id()).containsExactly("A");
    }

    @Test
    void givenTextOver4096_whenBuilt_thenCutWithEllipsis() {
        GraphMessage message = GraphMessages.text(TO, "a".repeat(5000));

        assertThat(message.text().body()).hasSize(4096).endsWith("a…");
    }
}
