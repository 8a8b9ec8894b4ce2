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

    static Stream<Arguments> hiddenFormatting() {
        return Stream.of(
                Arguments.of("Cake KES \u202E0052\u202C deposit", "right-to-left override around an amount"),
                Arguments.of("Invoice \u2067INV-7K3Q9X\u2069 balance", "right-to-left isolate around an invoice #"),
                Arguments.of("\u202BCleaning\u202C", "right-to-left embedding"),
                Arguments.of("\u202ACleaning\u202C", "left-to-right embedding"),
                Arguments.of("Cleaning \u202D2500", "left-to-right override"),
                Arguments.of("Cleaning \u2066500\u2069", "left-to-right isolate"),
                Arguments.of("Cleaning \u2068500\u2069", "first strong isolate"),
                Arguments.of("\u200ECleaning", "left-to-right mark"),
                Arguments.of("Cleaning\u200F", "right-to-left mark"),
                Arguments.of("Clean\u061Cing", "Arabic letter mark"),
                Arguments.of("Clea\u200Bning", "zero-width space"),
                Arguments.of("Clea\u200Cning", "zero-width non-joiner"),
                Arguments.of("Clea\u200Dning", "zero-width joiner between letters"),
                Arguments.of("KES 2\u200D500", "zero-width joiner between digits"),
                Arguments.of("🎂\u200D", "zero-width joiner with no emoji after it"),
                Arguments.of("\u200D🎂 cake", "zero-width joiner with no emoji before it"),
                Arguments.of("Clea\u2060ning", "word joiner"),
                Arguments.of("\uFEFFCleaning", "byte order mark"),
                Arguments.of("Clea\u00ADning", "soft hyphen"),
                Arguments.of("Cleaning\uDB40\uDC41\uDB40\uDC42", "tag characters (invisible text)"),
                Arguments.of("Cleaning \u0600 500", "Arabic number sign"));
    }

    @ParameterizedTest(name = "[{index}] {1} is refused")
    @MethodSource("hiddenFormatting")
    void givenHiddenFormatting_whenParsed_thenItIsRefusedSayingWhy(String raw, String what) {
        assertThat(Description.parse(raw)).isEqualTo(Parsed.rejected(Field.DESCRIPTION,
                "Description contains hidden characters that can change how it reads (such as text direction marks)."
                        + " Please type it again without them."));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is kept")
    @ValueSource(strings = {
            "Family photo 👨\u200D👩\u200D👧",        // family: emoji joined by ZWJ
            "Coder 👩🏽\u200D💻 day rate",             // a skin tone, then ZWJ
            "Pride cake 🏳️\u200D🌈",                 // emoji presentation selector, then ZWJ
            "Runner 🏃\u200D♀️ kit",                  // ZWJ before a sign that is a pictograph
            "Mandazi x 40 ❤️\u200D🔥",
            "Zoë's cake, ½ price"})
    void givenEmojiJoinedByZeroWidthJoiners_whenParsed_thenTheyAreKept(String raw) {
        assertThat(Description.parse(raw)).isEqualTo(Parsed.ok(new Description(raw)));
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
