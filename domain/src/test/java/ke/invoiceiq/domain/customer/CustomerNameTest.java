package ke.invoiceiq.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.FieldError;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerNameTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Mama Njeri", "Mama Njeri"),
                Arguments.of("  John   Doe  ", "John Doe"),
                Arguments.of("Wanjiku\twa\nKamau", "Wanjiku wa Kamau"),
                Arguments.of("Jo", "Jo"),
                Arguments.of("Ng'ang'a", "Ng'ang'a"),
                Arguments.of("Zoë Akinyi-Otieno", "Zoë Akinyi-Otieno"),
                Arguments.of("🌟🌟", "🌟🌟"),
                Arguments.of("x".repeat(60), "x".repeat(60)),
                Arguments.of("🌟".repeat(60), "🌟".repeat(60)),
                Arguments.of("skipper", "skipper"),
                Arguments.of("--", "--"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
    @MethodSource("names")
    void givenTwoToSixtyCharacters_whenParsed_thenTheTrimmedNameIsKept(String raw, String expected) {
        assertThat(CustomerName.parseOptional(raw)).isEqualTo(Parsed.ok(Optional.of(new CustomerName(expected))));
        assertThat(new CustomerName(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" means no name")
    @ValueSource(strings = {"-", "skip", "Skip", "SKIP", "  skip  ", " - ", "\tskip\n"})
    void givenDashOrSkip_whenParsed_thenThereIsNoName(String raw) {
        assertThat(CustomerName.parseOptional(raw)).isEqualTo(Parsed.ok(Optional.empty()));
    }

    static Stream<String> badNames() {
        return Stream.of(null, "", "   ", "J", " J ", "🌟", "x".repeat(61), "🌟".repeat(61),
                "Wanjiku ".repeat(8));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is rejected")
    @MethodSource("badNames")
    void givenTooShortOrTooLong_whenParsed_thenItIsANameErrorSayingHowToSkip(String raw) {
        assertThat(CustomerName.parseOptional(raw))
                .isEqualTo(new Parsed.Rejected<>(new FieldError(Field.CUSTOMER_NAME, CustomerName.EXPECTED)));
        assertThat(CustomerName.EXPECTED).contains("2–60").contains("'-' to skip");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {"Mama \u202ENjeri", "\u2067Njeri\u2069", "Njeri\u200E", "\u200FNjeri", "Nje\u061Cri",
            "Nje\u200Bri", "Nje\u200Dri", "\uFEFFNjeri", "Njeri\u2066", "Nje\u00ADri"})
    void givenHiddenFormatting_whenParsed_thenItIsRefusedSayingWhy(String raw) {
        assertThat(CustomerName.parseOptional(raw)).isEqualTo(new Parsed.Rejected<>(new FieldError(Field.CUSTOMER_NAME,
                "Name contains hidden characters that can change how it reads (such as text direction marks)."
                        + " Please type it again without them, or send '-' to skip.")));
    }

    @Test
    void givenEmojiJoinedByAZeroWidthJoiner_whenParsed_thenTheNameIsKept() {
        assertThat(CustomerName.parseOptional("Njeri 👩🏽\u200D💻"))
                .isEqualTo(Parsed.ok(Optional.of(new CustomerName("Njeri 👩🏽\u200D💻"))));
    }

    @ParameterizedTest(name = "[{index}] new CustomerName(\"{0}\") throws")
    @NullAndEmptySource
    @ValueSource(strings = {"J", "   ", "-"})
    void givenAnInvalidValue_whenConstructed_thenItThrows(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName(value));
    }

    @Test
    void givenAName_whenPrinted_thenItIsNotLeakedIntoLogs() {
        assertThat(new CustomerName("Mama Njeri").toString()).doesNotContain("Njeri");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is the same customer")
    @ValueSource(strings = {"Mama Njeri", "mama njeri", "MAMA NJERI", "  mama   njeri "})
    void sameAs_ignoresCaseAndSpacing(String other) {
        assertThat(new CustomerName("Mama Njeri").sameAs(other)).isTrue();
    }

    @Test
    void sameAs_isFalseForAnotherName() {
        assertThat(new CustomerName("Mama Njeri").sameAs("Mama Wanjiku")).isFalse();
    }
}
