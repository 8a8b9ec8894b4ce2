package ke.invoiceiq.application.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReasonWordsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(StkReason.class)
    void givenAReason_whenWrittenInEnglish_thenTheWordsAreTheReasonsOwn(StkReason reason) {
        for (Duration cooldown : new Duration[] {Duration.ofSeconds(30), Duration.ofMinutes(3)}) {
            assertThat(ReasonWords.customerSentence(reason, cooldown, Language.EN))
                    .isEqualTo(reason.customerSentence(cooldown));
        }
        assertThat(ReasonWords.plainReason(reason, Language.EN)).isEqualTo(reason.plainReason());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(StkReason.class)
    void givenAReason_whenWrittenInSwahili_thenItHasOwnWordsWithTheWaitFilled(StkReason reason) {
        String sentence = ReasonWords.customerSentence(reason, Duration.ofMinutes(3), Language.SW);

        assertThat(sentence).isNotEqualTo(reason.customerSentence(Duration.ofMinutes(3))).doesNotContain("{");
        assertThat(ReasonWords.plainReason(reason, Language.SW)).isNotEqualTo(reason.plainReason());
        if (reason.retry() != StkReason.Retry.AT_ONCE) {
            assertThat(sentence).contains("dakika 3");
        }
    }

    @Test
    void givenOneMinute_whenNamed_thenSingularInBothLanguages() {
        assertThat(ReasonWords.minutes(Duration.ofSeconds(20), Language.EN)).isEqualTo("1 minute");
        assertThat(ReasonWords.minutes(Duration.ofSeconds(61), Language.SW)).isEqualTo("dakika 2");
    }
}
