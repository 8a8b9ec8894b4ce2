package ke.invoiceiq.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DescriptionTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("Cleaning", "Cleaning"),
                Arguments.of("Cleaning service (Wed 3pm)", "Cleaning service (Wed 3pm)"),
                Arguments.of("  Cleaning   service  ", "Cleaning service"),
                Arguments.of("Web\tdesign\nservices", "Web design services"),
                Arguments.of("Web\r\ndesign", "Web design"),
                Arguments.of("Sukuma\u00A0na\u202Fmayai", "Sukuma na mayai"),
                Arguments.of("abc", "abc"),
                Arguments.of(" abc ", "abc"),
                Arguments.of("🎂🎂🎂", "🎂🎂🎂"),
                Arguments.of("Cake 🎂 + delivery 🚚", "Cake 🎂 + delivery 🚚"),
                Arguments.of("x".repeat(120), "x".repeat(120)),
                Arguments.of("🎂".repeat(120), "🎂".repeat(120)),
                Arguments.of("x".repeat(60) + "\n\n\n   " + "y".repeat(59), "x".repeat(60) + " " + "y".repeat(59)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → \"{1}\"")
    @MethodSource("accepted")
    void givenThreeTo120CodePoints_whenParsed_thenTheSquashedTextIsKept(String raw, String expected) {
        Parsed<Description> parsed = Description.parse(raw);

        assertThat(parsed).isEqualTo(Parsed.ok(new Description(expected)));
        assertThat(parsed.orElseThrow().value()).isEqualTo(expected);
        assertThat(parsed.orElseThrow().toString()).isEqualTo(expected);
    }

    static Stream<Arguments> tooShort() {
        return Stream.of(
                Arguments.of((String) null), Arguments.of(""), Arguments.of("   "), Arguments.of("ab"),
                Arguments.of(" ab\t"), Arguments.of("🎂🎂"), Arguments.of("\n a \n"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is too short")
    @MethodSource("tooShort")
    void givenFewerThanThreeCodePoints_whenParsed_thenItIsTooShort(String raw) {
        assertThat(Description.parse(raw))
                .isEqualTo(Parsed.rejected(Field.DESCRIPTION, "Description is too short. Please enter 3–120 characters."));
    }

    @Test
    void givenTwoEmoji_whenCounted_thenTheyAreTwoCharactersNotFour() {
        assertThat("🎂🎂").hasSize(4);
        assertThat(Description.parse("🎂🎂").isOk()).isFalse();
        assertThat(Description.parse("🎂🎂🎂").isOk()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {1} characters is too long")
    @MethodSource("tooLong")
    void givenMoreThan120CodePoints_whenParsed_thenItIsTooLongAndSaysHowLong(String raw, int length) {
        assertThat(Description.parse(raw)).isEqualTo(Parsed.rejected(Field.DESCRIPTION,
                "Description is too long (" + length + " characters). Please enter 3–120 characters."));
    }

    static Stream<Arguments> tooLong() {
        return Stream.of(
                Arguments.of("x".repeat(121), 121),
                Arguments.of("🎂".repeat(121), 121),
                Arguments.of("x".repeat(500), 500));
    }

    @ParameterizedTest(name = "[{index}] control character in \"{0}\"")
    @ValueSource(strings = {"bell\u0007ring", "nul\u0000byte", "esc\u001B[31m", "del\u007Fete"})
    void givenControlCharacters_whenParsed_thenTheyAreRejected(String raw) {
        var rejected = (Parsed.Rejected<Description>) Description.parse(raw);

        assertThat(rejected.error().field()).isEqualTo(Field.DESCRIPTION);
        assertThat(rejected.error().message()).startsWith("Description contains control characters.");
    }

    @ParameterizedTest(name = "[{index}] new Description(\"{0}\") throws")
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "   ", "🎂🎂"})
    void givenAnInvalidValue_whenConstructed_thenItThrows(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Description(value));
    }

    @Test
    void givenTooLongAValue_whenConstructed_thenItThrows() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Description("x".repeat(121)));
    }
}
