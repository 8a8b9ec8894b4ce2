package ke.invoiceiq.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import ke.invoiceiq.domain.messaging.SmsText.Encoding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsTextTest {

    /** The GSM 03.38 basic set, written with escapes so that look-alikes (Greek Ω vs Ohm sign) cannot creep in. */
    private static final String BASIC_SET = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7"
            + "\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
    private static final String EXTENSION_SET = "\f^{}\\[~]|\u20AC";

    @Nested
    class CharacterSet {

        static Stream<Arguments> basicSet() {
            return BASIC_SET.chars().mapToObj(c -> Arguments.of(Character.toString(c), "U+%04X".formatted(c)));
        }

        static Stream<Arguments> extensionSet() {
            return EXTENSION_SET.chars().mapToObj(c -> Arguments.of(Character.toString(c), "U+%04X".formatted(c)));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("basicSet")
        void givenABasicSetCharacter_whenMeasured_thenItIsGsm7AndOneSeptet(String c, String codePoint) {
            assertThat(SmsText.isGsm7(c)).isTrue();
            assertThat(SmsText.isGsm7Extension(c.charAt(0))).isFalse();
            assertThat(SmsText.units(c)).isEqualTo(1);
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("extensionSet")
        void givenAnExtensionCharacter_whenMeasured_thenItIsGsm7AndTwoSeptets(String c, String codePoint) {
            assertThat(SmsText.isGsm7(c)).isTrue();
            assertThat(SmsText.isGsm7Extension(c.charAt(0))).isTrue();
            assertThat(SmsText.units(c)).isEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "\u00E7", // ç: only the capital Ç is in the set
                "`", "\u00B4", "\u2018", "\u2019", "\u201C", "\u201D", "\u2013", "\u2014", "\u2026", "\u2022",
                "\u00A0", "\u202F", "\t", "\u001B", "\u007F",
                "\u00E1", "\u00EA", "\u00ED", "\u00F3", "\u00FA", "\u00E2", "\u00F4", "\u00E3", "\u00F5", "\u014D",
                "\u00EF", "\u00C0", "\u00C8", "\u00CD", "\u00C3",
                "\u2126", // Ohm sign, not the Greek capital omega
                "\u03B1", "\u0391", // Greek small alpha, capital alpha (looks like A, is not in the set)
                "\u0639", "\u4E2D", "\u2714", "\uD83D\uDE00", "\u00B0", "\u00A2", "\u00AE"})
        void givenACharacterOutsideTheSet_whenChecked_thenItIsNotGsm7(String c) {
            assertThat(SmsText.isGsm7(c)).isFalse();
            assertThat(SmsText.isGsm7(c.codePointAt(0))).isFalse();
            assertThat(SmsText.encoding("Hello " + c)).isEqualTo(Encoding.UCS_2);
        }

        @Test
        void givenEveryCharacter_whenChecked_thenExactly127BasicAnd10ExtensionCharactersAreGsm7() {
            long gsm = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(SmsText::isGsm7).count();
            long extension = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(SmsText::isGsm7Extension)
                    .count();

            assertThat(gsm).isEqualTo(137);
            assertThat(extension).isEqualTo(10);
            assertThat(SmsText.isGsm7(BASIC_SET + EXTENSION_SET)).isTrue();
        }
    }

    @Nested
    class Length {

        static Stream<Arguments> sizes() {
            String arabic = "\u0639";
            String emoji = "\uD83D\uDE00";
            return Stream.of(
                    Arguments.of("empty", "", Encoding.GSM_7, 0, 1),
                    Arguments.of("GSM-7 160", "a".repeat(160), Encoding.GSM_7, 160, 1),
                    Arguments.of("GSM-7 161", "a".repeat(161), Encoding.GSM_7, 161, 2),
                    Arguments.of("GSM-7 153*2", "a".repeat(306), Encoding.GSM_7, 306, 2),
                    Arguments.of("GSM-7 153*2+1", "a".repeat(307), Encoding.GSM_7, 307, 3),
                    Arguments.of("GSM-7 153*3", "a".repeat(459), Encoding.GSM_7, 459, 3),
                    Arguments.of("80 euro signs are 160 septets", "\u20AC".repeat(80), Encoding.GSM_7, 160, 1),
                    Arguments.of("80 euro signs and one letter", "\u20AC".repeat(80) + "a", Encoding.GSM_7, 161, 2),
                    Arguments.of("159 letters and a brace", "a".repeat(159) + "{", Encoding.GSM_7, 161, 2),
                    Arguments.of("158 letters and a brace", "a".repeat(158) + "{", Encoding.GSM_7, 160, 1),
                    Arguments.of("escape pair straddling 153", "a".repeat(152) + "\u20AC" + "a".repeat(152),
                            Encoding.GSM_7, 306, 3),
                    Arguments.of("escape pair ending at 153", "a".repeat(151) + "\u20AC" + "a".repeat(153),
                            Encoding.GSM_7, 306, 2),
                    Arguments.of("UCS-2 70", arabic.repeat(70), Encoding.UCS_2, 70, 1),
                    Arguments.of("UCS-2 71", arabic.repeat(71), Encoding.UCS_2, 71, 2),
                    Arguments.of("UCS-2 67*2", arabic.repeat(134), Encoding.UCS_2, 134, 2),
                    Arguments.of("UCS-2 67*2+1", arabic.repeat(135), Encoding.UCS_2, 135, 3),
                    Arguments.of("one non-GSM character makes it all UCS-2", "a".repeat(70) + arabic,
                            Encoding.UCS_2, 71, 2),
                    Arguments.of("euro sign is one unit in UCS-2", arabic + "\u20AC".repeat(69),
                            Encoding.UCS_2, 70, 1),
                    Arguments.of("emoji are two units", emoji.repeat(35), Encoding.UCS_2, 70, 1),
                    Arguments.of("36 emoji", emoji.repeat(36), Encoding.UCS_2, 72, 2),
                    Arguments.of("surrogate pair straddling 67", arabic.repeat(66) + emoji + arabic.repeat(66),
                            Encoding.UCS_2, 134, 3));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sizes")
        void givenAText_whenMeasured_thenEncodingUnitsAndSegmentsFollowTheGsmRules(String name, String text,
                Encoding encoding, int units, int segments) {
            assertThat(SmsText.encoding(text)).isEqualTo(encoding);
            assertThat(SmsText.isGsm7(text)).isEqualTo(encoding == Encoding.GSM_7);
            assertThat(SmsText.units(text)).isEqualTo(units);
            assertThat(SmsText.segments(text)).isEqualTo(segments);
        }

        @Test
        void givenTheLimits_whenRead_thenTheyAreTheGsmOnes() {
            assertThat(SmsText.GSM7_SINGLE_LIMIT).isEqualTo(160);
            assertThat(SmsText.GSM7_SEGMENT_LIMIT).isEqualTo(153);
            assertThat(SmsText.UCS2_SINGLE_LIMIT).isEqualTo(70);
            assertThat(SmsText.UCS2_SEGMENT_LIMIT).isEqualTo(67);
            assertThat(Encoding.GSM_7.singleLimit()).isEqualTo(160);
            assertThat(Encoding.GSM_7.segmentLimit()).isEqualTo(153);
            assertThat(Encoding.UCS_2.singleLimit()).isEqualTo(70);
            assertThat(Encoding.UCS_2.segmentLimit()).isEqualTo(67);
        }

        @Test
        void givenAGsm7Text_whenCountedAsUcs2_thenItsUtf16LengthCounts() {
            assertThat(SmsText.segments("a".repeat(70), Encoding.UCS_2)).isEqualTo(1);
            assertThat(SmsText.segments("a".repeat(71), Encoding.UCS_2)).isEqualTo(2);
            assertThat(SmsText.segments("\u20AC".repeat(70), Encoding.UCS_2)).isEqualTo(1);
        }

        @Test
        void givenAUcs2Text_whenCountedAsGsm7_thenRefused() {
            assertThatThrownBy(() -> SmsText.segments("Caf\u00EA", Encoding.GSM_7))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenManyLengths_whenSegmented_thenTheCountIsTheCeilingWithoutPairsToStraddle() {
            for (int n = 0; n <= 1000; n++) {
                String gsm = "a".repeat(n);
                String ucs = "\u0639".repeat(n);
                assertThat(SmsText.segments(gsm)).as("GSM-7 %d", n)
                        .isEqualTo(n <= 160 ? 1 : (n + 152) / 153);
                assertThat(SmsText.segments(ucs)).as("UCS-2 %d", n)
                        .isEqualTo(n <= 70 ? 1 : (n + 66) / 67);
            }
        }
    }

    @Nested
    class Plain {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("curly single quotes", "Mama\u2019s \u2018best\u2019", "Mama's 'best'"),
                    Arguments.of("curly double quotes", "\u201CDeep\u201D clean \u201Elow\u201F",
                            "\"Deep\" clean \"low\""),
                    Arguments.of("guillemets and primes", "\u00ABoui\u00BB 5\u2032 6\u2033", "\"oui\" 5' 6\""),
                    Arguments.of("backtick and acute accent", "`it\u00B4s`", "'it's'"),
                    Arguments.of("en and em dashes", "9\u20135 \u2014 daily", "9-5 - daily"),
                    Arguments.of("minus sign", "\u22125 KES", "-5 KES"),
                    Arguments.of("non-breaking hyphen", "e\u2011mail", "e-mail"),
                    Arguments.of("ellipsis", "Wait\u2026", "Wait..."),
                    Arguments.of("no-break space", "KES\u00A02,500", "KES 2,500"),
                    Arguments.of("narrow no-break and thin spaces", "2\u202F500\u2009bob", "2 500 bob"),
                    Arguments.of("ideographic space and tab", "a\u3000b\tc", "a b c"),
                    Arguments.of("bullets", "\u2022 Tea\n\u25CF Cake", "- Tea\n- Cake"),
                    Arguments.of("times sign", "2\u00D73 m", "2x3 m"),
                    Arguments.of("arrow", "Nairobi \u2192 Mombasa", "Nairobi -> Mombasa"),
                    Arguments.of("check mark and dash", "Paid \u2714 \u2014 Invoice", "Paid - Invoice"),
                    Arguments.of("check mark at the end", "Paid \u2713", "Paid"),
                    Arguments.of("emoji between words", "Cake \uD83C\uDF82 and tea", "Cake and tea"),
                    Arguments.of("emoji first", "\uD83C\uDF89 Party", "Party"),
                    Arguments.of("emoji last", "Party \uD83C\uDF89\uD83C\uDF88", "Party"),
                    Arguments.of("emoji before punctuation", "Thanks \uD83D\uDE4F\uD83C\uDFFD!", "Thanks!"),
                    Arguments.of("emoji inside a word", "Sun\u2600\uFE0Fday", "Sunday"),
                    Arguments.of("emoji after an opening bracket", "Cake (\uD83C\uDF82 big)", "Cake (big)"),
                    Arguments.of("ZWJ family", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 Family pack",
                            "Family pack"),
                    Arguments.of("flag", "\uD83C\uDDF0\uD83C\uDDEA Kenya", "Kenya"),
                    Arguments.of("heart with variation selector", "\u2764\uFE0F Love", "Love"),
                    Arguments.of("keycap", "1\uFE0F\u20E3 item", "1 item"),
                    Arguments.of("emoji at a line end", "Thanks \uD83D\uDE4F\nBye", "Thanks\nBye"),
                    Arguments.of("zero-width space, BOM, soft hyphen", "\uFEFFClean\u00ADing\u200B", "Cleaning"),
                    Arguments.of("cedilla", "Fa\u00E7ade", "Facade"),
                    Arguments.of("capital C cedilla is GSM-7", "\u00C7A \u00E7a", "\u00C7A ca"),
                    Arguments.of("French, keeping GSM accents", "cr\u00E8me br\u00FBl\u00E9e",
                            "cr\u00E8me brul\u00E9e"),
                    Arguments.of("Portuguese", "S\u00E3o Tom\u00E9, p\u00E3o, av\u00F4",
                            "Sao Tom\u00E9, pao, avo"),
                    Arguments.of("Spanish", "Se\u00F1or, \u00BFcami\u00F3n? \u00E1g\u00EDl",
                            "Se\u00F1or, \u00BFcamion? agil"),
                    Arguments.of("macron and diaeresis", "\u014Ctsuka na\u00EFve", "Otsuka naive"),
                    Arguments.of("decomposed accent composes to GSM", "Cafe\u0301", "Caf\u00E9"),
                    Arguments.of("stray accent on a GSM letter", "x\u0303y", "xy"),
                    Arguments.of("letters without decomposition", "\u0141\u00F3d\u017A \u0153uvre",
                            "Lodz oeuvre"),
                    Arguments.of("compatibility forms", "\uFF21\uFF22\uFF23 \uFB01ne \u2122 \u00BD m\u00B2",
                            "ABC fine TM 1/2 m2"),
                    Arguments.of("mathematical bold", "\uD835\uDC01\uD835\uDC28\uD835\uDC25\uD835\uDC1D", "Bold"),
                    Arguments.of("copyright", "\u00A9 2026", "(c) 2026"),
                    Arguments.of("Swahili is plain already", "Usafi wa nyumba", "Usafi wa nyumba"),
                    Arguments.of("GSM-7 text is untouched", "100\u20AC {promo} [x] ~ ^ | \\  two  spaces\r\n",
                            "100\u20AC {promo} [x] ~ ^ | \\  two  spaces\r\n"),
                    Arguments.of("Arabic is kept",
                            "\u062A\u0646\u0638\u064A\u0641 \u0627\u0644\u0645\u0646\u0632\u0644",
                            "\u062A\u0646\u0638\u064A\u0641 \u0627\u0644\u0645\u0646\u0632\u0644"),
                    Arguments.of("Arabic with a diacritic mark is kept", "\u0628\u064E\u0627\u0628",
                            "\u0628\u064E\u0627\u0628"),
                    Arguments.of("Chinese is kept", "\u6E05\u6D01\u670D\u52A1", "\u6E05\u6D01\u670D\u52A1"),
                    Arguments.of("mixed Latin and Arabic", "Cleaning \u2019\u062A\u0646\u0638\u064A\u0641\u2019 \u2714",
                            "Cleaning '\u062A\u0646\u0638\u064A\u0641'"),
                    Arguments.of("Greek small letters are kept", "\u03B1\u03B2\u03B3", "\u03B1\u03B2\u03B3"),
                    Arguments.of("emoji only", "\uD83C\uDF82\uD83C\uDF89\uD83C\uDF88", ""),
                    Arguments.of("empty", "", ""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void givenTypedText_whenMadePlain_thenPlainEquivalentsReplaceTheRest(String name, String text,
                String expected) {
            assertThat(SmsText.plain(text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void givenTypedText_whenMadePlainTwice_thenTheSecondTimeChangesNothing(String name, String text,
                String expected) {
            String once = SmsText.plain(text);
            assertThat(SmsText.plain(once)).isEqualTo(once);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void givenTextWithoutOtherScripts_whenMadePlain_thenItIsGsm7(String name, String text, String expected) {
            boolean otherScript = text.codePoints().anyMatch(cp -> Character.isLetter(cp)
                    && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
                    && !SmsText.isGsm7(cp)
                    && Character.UnicodeScript.of(cp) != Character.UnicodeScript.COMMON);
            assertThat(SmsText.isGsm7(SmsText.plain(text))).isEqualTo(!otherScript);
        }

        @Test
        void givenRandomTextFromAwkwardCharacters_whenMadePlain_thenItIsIdempotentAndLatinBecomesGsm7() {
            String[] latin = {"a", "Z", "\u00E7", "\u00EA", "\u00F5", "\u014D", "\u00C7", "\u00E9", " ", " ", "\u00A0",
                    "\u2019", "\u201C", "\u2014", "\u2026", "\u2022", "\u00D7", "\u2714", "\uD83C\uDF82",
                    "\uFE0F", "\u200D", "\u200B", "\uD83C\uDFFD", "\u0301", "\t", "\n", ".", "(", ")", "!", "\u20AC",
                    "\uD83C\uDDF0", "\u00AD", "\u2192", "\uFB01", "\uD835\uDC01"};
            String[] other = {"\u0639", "\u064E", "\u4E2D", "\u03B1", "\u1100", "\u1161", "\u0915", "\u093F"};
            Random random = new Random(20260302L);
            for (int run = 0; run < 5_000; run++) {
                boolean withOtherScripts = run % 2 == 1;
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    text.append(withOtherScripts && random.nextInt(4) == 0
                            ? other[random.nextInt(other.length)]
                            : latin[random.nextInt(latin.length)]);
                }
                String once = SmsText.plain(text.toString());

                assertThat(SmsText.plain(once)).as("idempotent for %s", escaped(text)).isEqualTo(once);
                if (!withOtherScripts) {
                    assertThat(SmsText.isGsm7(once)).as("GSM-7 for %s", escaped(text)).isTrue();
                }
            }
        }

        @Test
        void givenRandomGsm7Text_whenMadePlain_thenItIsUnchanged() {
            String alphabet = BASIC_SET + EXTENSION_SET;
            Random random = new Random(7L);
            for (int run = 0; run < 2_000; run++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(60);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(SmsText.plain(text.toString())).isEqualTo(text.toString());
            }
        }
    }

    @Nested
    class Shorten {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("fits: unchanged", "Deep cleaning", 13, "Deep cleaning"),
                    Arguments.of("one unit short: last word goes", "Deep cleaning of the house", 25,
                            "Deep cleaning of the..."),
                    Arguments.of("cut with room to spare", "Deep cleaning of the house", 18, "Deep cleaning..."),
                    Arguments.of("exactly the first word and the dots", "Deep cleaning", 7, "Deep..."),
                    Arguments.of("first word does not fit", "Deep cleaning", 6, ""),
                    Arguments.of("one enormous word", "Supercalifragilisticexpialidocious", 20, ""),
                    Arguments.of("no room at all", "Deep cleaning", 0, ""),
                    Arguments.of("trailing comma dropped before the dots", "Cleaning, ironing and folding", 15,
                            "Cleaning..."),
                    Arguments.of("trailing full stop dropped", "Done. Next job tomorrow", 9, "Done..."),
                    Arguments.of("a lone dash word dropped", "Tea - cake and more", 11, "Tea..."),
                    Arguments.of("several spaces and a line break", "Tea  cake\nand more", 12, "Tea  cake..."),
                    Arguments.of("extension characters count double", "\u20AC\u20AC\u20AC \u20AC\u20AC\u20AC", 9,
                            "\u20AC\u20AC\u20AC..."),
                    Arguments.of("extension characters: one septet short", "\u20AC\u20AC\u20AC \u20AC\u20AC\u20AC",
                            8, ""),
                    Arguments.of("UCS-2 counted in code units, an emoji two",
                            "\u0639 \uD83C\uDF82\uD83C\uDF82 \u0639\u0639\u0639\u0639", 9,
                            "\u0639 \uD83C\uDF82\uD83C\uDF82..."),
                    Arguments.of("UCS-2: one unit short", "\u0639 \uD83C\uDF82\uD83C\uDF82 \u0639\u0639\u0639\u0639", 8,
                            "\u0639..."));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void givenATextAndARoom_whenShortened_thenWholeWordsAndDotsWithinTheRoom(String name, String text,
                int maxUnits, String expected) {
            String shortened = SmsText.shorten(text, maxUnits);

            assertThat(shortened).isEqualTo(expected);
            assertThat(SmsText.units(shortened)).isLessThanOrEqualTo(maxUnits);
        }

        @Test
        void givenANegativeRoom_whenShortened_thenRefused() {
            assertThatThrownBy(() -> SmsText.shorten("Tea", -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenAPredicate_whenShortened_thenTheLongestAcceptedCutIsReturned() {
            List<String> offered = new ArrayList<>();

            String shortened = SmsText.shorten("one two three four", cut -> {
                offered.add(cut);
                return cut.length() <= 12;
            });

            assertThat(shortened).isEqualTo("one two...");
            assertThat(offered).containsExactly("one two three...", "one two...");
        }

        @Test
        void givenRandomSentences_whenShortened_thenTheCutIsAPrefixOfWholeWords() {
            String[] words = {"a", "tea", "cake,", "cleaning", "-", "house.", "Nairobi", "\u20AC5", "{x}",
                    "supercalifragilistic"};
            Random random = new Random(42L);
            for (int run = 0; run < 5_000; run++) {
                StringBuilder text = new StringBuilder();
                int count = 1 + random.nextInt(12);
                for (int i = 0; i < count; i++) {
                    text.append(i == 0 ? "" : random.nextInt(5) == 0 ? "  " : " ")
                            .append(words[random.nextInt(words.length)]);
                }
                int maxUnits = random.nextInt(60);
                String shortened = SmsText.shorten(text.toString(), maxUnits);

                assertThat(SmsText.units(shortened)).isLessThanOrEqualTo(maxUnits);
                if (shortened.equals(text.toString()) || shortened.isEmpty()) {
                    continue;
                }
                assertThat(shortened).endsWith(SmsText.ELLIPSIS);
                String kept = shortened.substring(0, shortened.length() - SmsText.ELLIPSIS.length());
                assertThat(text.toString()).startsWith(kept);
                assertNoWordSplit(text.toString(), kept);
            }
        }
    }

    /** The kept words are the original's leading words, the last one at most without trailing punctuation. */
    static void assertNoWordSplit(String original, String kept) {
        String[] originalWords = original.strip().split("\\s+");
        String[] keptWords = kept.strip().split("\\s+");
        assertThat(keptWords.length).isLessThanOrEqualTo(originalWords.length);
        for (int i = 0; i < keptWords.length - 1; i++) {
            assertThat(keptWords[i]).isEqualTo(originalWords[i]);
        }
        String last = keptWords[keptWords.length - 1];
        String whole = originalWords[keptWords.length - 1];
        assertThat(whole).as("last kept word of <%s> in <%s>", kept, original).startsWith(last);
        assertThat(whole.substring(last.length())).as("cut off from <%s>", whole).matches("[,;:.\\-]*");
        assertThat(last).isNotEmpty();
    }

    private static String escaped(CharSequence text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp < 128 && cp >= 32 ? Character.toString(cp)
                : "\\u{%X}".formatted(cp)));
        return out.toString();
    }
}
