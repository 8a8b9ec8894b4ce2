package ke.invoiceiq.application.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotatingSecretTest {

    private static final RotatingSecret BOTH = RotatingSecret.of(Optional.of("current-7f3a"), Optional.of("next-91c2"));

    @Test
    void givenACurrentAndANextValue_whenEachIsPresented_thenBothMatchAndAThirdDoesNot() {
        assertThat(BOTH.matches("current-7f3a")).isTrue();
        assertThat(BOTH.matches("next-91c2")).isTrue();
        assertThat(BOTH.matches("previous-0b7e")).isFalse();
        assertThat(BOTH.matches("")).isFalse();
        assertThat(BOTH.matches(null)).isFalse();
    }

    @Test
    void givenOnlyACurrentValueAndABlankNext_whenTheBlankIsPresented_thenItDoesNotMatch() {
        RotatingSecret secret = RotatingSecret.of(Optional.of("  current-7f3a "), Optional.of("   "));

        assertThat(secret.matches("current-7f3a")).isTrue();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches("   ")).isFalse();
    }

    @Test
    void givenNothingConfigured_whenAnythingIsPresented_thenNothingMatches() {
        RotatingSecret none = RotatingSecret.of(Optional.empty(), Optional.of(" "));

        assertThat(none.configured()).isFalse();
        assertThat(none.matches("")).isFalse();
        assertThat(none.anyAccepts(value -> true)).isFalse();
        assertThat(RotatingSecret.none().configured()).isFalse();
    }

    @Test
    void givenACheckThatTheFirstValuePasses_whenAsked_thenTheCheckStillRunsForTheNextValue() {
        List<String> seen = new ArrayList<>();

        boolean accepts = BOTH.anyAccepts(value -> {
            seen.add(new String(value, java.nio.charset.StandardCharsets.UTF_8));
            return true;
        });

        assertThat(accepts).isTrue();
        assertThat(seen).containsExactly("current-7f3a", "next-91c2");
    }

    @Test
    void givenASecret_whenPrinted_thenNoValueShows() {
        assertThat(BOTH.toString()).doesNotContain("current-7f3a", "next-91c2").isEqualTo("RotatingSecret[***]");
    }
}
