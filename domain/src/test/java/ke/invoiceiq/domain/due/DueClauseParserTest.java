package ke.invoiceiq.domain.due;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A due date as typed, read against today in Nairobi: the day it names, or why it is refused. */
class DueClauseParserTest {

    /** A Monday. */
    private static final LocalDate MON_7_DEC = LocalDate.of(2026, 12, 7);
    private static final LocalDate WED_30_DEC = LocalDate.of(2026, 12, 30);
    private static final LocalDate THU_31_DEC = LocalDate.of(2026, 12, 31);

    static Stream<Arguments> days() {
        return Stream.of(
                // day and month, this year when it is still to come
                arguments("15 Dec", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("due 15 Dec", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15 december", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("Dec 15", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15th Dec.", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15/12", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15-12", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15/12/2026", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15/12/26", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("7 Dec", MON_7_DEC, MON_7_DEC),
                // year boundary: a day that has passed this year is next year's
                arguments("2 Jan", WED_30_DEC, LocalDate.of(2027, 1, 2)),
                arguments("2/1", WED_30_DEC, LocalDate.of(2027, 1, 2)),
                arguments("6 Dec", MON_7_DEC, LocalDate.of(2027, 12, 6)),
                arguments("29 Feb", LocalDate.of(2027, 12, 7), LocalDate.of(2028, 2, 29)),
                // month boundary
                arguments("in 2 days", WED_30_DEC, LocalDate.of(2027, 1, 1)),
                arguments("tomorrow", THU_31_DEC, LocalDate.of(2027, 1, 1)),
                arguments("in 7 days", LocalDate.of(2027, 2, 25), LocalDate.of(2027, 3, 4)),
                // weekdays: the next one after today
                arguments("friday", MON_7_DEC, LocalDate.of(2026, 12, 11)),
                arguments("fri", MON_7_DEC, LocalDate.of(2026, 12, 11)),
                arguments("monday", MON_7_DEC, LocalDate.of(2026, 12, 14)),
                arguments("Sunday", MON_7_DEC, LocalDate.of(2026, 12, 13)),
                arguments("friday", THU_31_DEC, LocalDate.of(2027, 1, 1)),
                arguments("friday", LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 18)),
                // relative
                arguments("today", MON_7_DEC, MON_7_DEC),
                arguments("tomorrow", MON_7_DEC, LocalDate.of(2026, 12, 8)),
                arguments("in 7 days", MON_7_DEC, LocalDate.of(2026, 12, 14)),
                arguments("in 1 day", MON_7_DEC, LocalDate.of(2026, 12, 8)),
                arguments("in 2 weeks", MON_7_DEC, LocalDate.of(2026, 12, 21)),
                arguments("due in 7 days", MON_7_DEC, LocalDate.of(2026, 12, 14)),
                // Swahili
                arguments("tarehe 15 Des", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("15 Desemba", MON_7_DEC, LocalDate.of(2026, 12, 15)),
                arguments("2 Januari", WED_30_DEC, LocalDate.of(2027, 1, 2)),
                arguments("ijumaa", MON_7_DEC, LocalDate.of(2026, 12, 11)),
                arguments("kesho", MON_7_DEC, LocalDate.of(2026, 12, 8)),
                arguments("leo", MON_7_DEC, MON_7_DEC),
                arguments("baada ya siku 7", MON_7_DEC, LocalDate.of(2026, 12, 14)),
                arguments("baada ya wiki 1", MON_7_DEC, LocalDate.of(2026, 12, 14)));
    }

    @ParameterizedTest(name = "\"{0}\" on {1} → {2}")
    @MethodSource("days")
    void givenATypedDueDate_whenReadOnADay_thenItNamesTheDay(String typed, LocalDate today, LocalDate expected) {
        Parsed<DueClause> clause = DueClauseParser.parse(typed);

        assertThat(clause.isOk()).as("%s reads", typed).isTrue();
        assertThat(clause.orElseThrow().resolve(today)).isEqualTo(Parsed.ok(expected));
    }

    static Stream<Arguments> pastOrTooFar() {
        return Stream.of(
                arguments("6/12/2026", MON_7_DEC, "The due date 6 Dec 2026 has already passed"),
                arguments("1 Jan 2026", MON_7_DEC, "The due date 1 Jan 2026 has already passed"),
                arguments("15/12/2062", MON_7_DEC, "more than a year away"),
                arguments("in 400 days", MON_7_DEC, "more than a year away"),
                arguments("15 Dec 2028", MON_7_DEC, "more than a year away"),
                arguments("29 Feb", MON_7_DEC, "The due date 29 Feb 2028 is more than a year away"));
    }

    @ParameterizedTest(name = "\"{0}\" on {1} is refused: {2}")
    @MethodSource("pastOrTooFar")
    void givenADayThatHasPassedOrIsFarAway_whenRead_thenRefusedWithAClearAnswer(String typed, LocalDate today,
            String message) {
        Parsed<java.time.LocalDate> day = DueClauseParser.parse(typed).orElseThrow().resolve(today);

        assertThat(day).isInstanceOfSatisfying(Parsed.Rejected.class, r -> {
            assertThat(r.error().field()).isEqualTo(Field.DUE_DATE);
            assertThat(r.error().message()).contains(message);
        });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "soon", "32 Dec", "31 Feb 2027", "31/2", "15/13", "0/12", "next week", "in x days",
        "in 7 months", "15 Dec 27", "friday 15 Dec 2027 x"})
    void givenTextThatIsNoDueDate_whenRead_thenRefusedWithTheExpectedForms(String typed) {
        assertThat(DueClauseParser.parse(typed)).isInstanceOfSatisfying(Parsed.Rejected.class, r -> {
            assertThat(r.error().field()).isEqualTo(Field.DUE_DATE);
            assertThat(r.error().message()).contains("due 15 Dec", "in 7 days");
        });
    }

    @Test
    void givenHalfPastElevenAtNightUtc_whenTodayIsAsked_thenItIsAlreadyTheNextDayInNairobi() {
        assertThat(DueDates.today(Instant.parse("2026-12-07T20:59:59Z"))).isEqualTo(MON_7_DEC);
        assertThat(DueDates.today(Instant.parse("2026-12-07T21:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(DueDates.today(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
        // "tomorrow" typed at 23:30 UTC on the 7th is the 9th: it is already the 8th in Nairobi
        assertThat(DueClauseParser.parse("tomorrow").orElseThrow()
                .resolve(DueDates.today(Instant.parse("2026-12-07T23:30:00Z"))))
                .isEqualTo(Parsed.ok(LocalDate.of(2026, 12, 9)));
    }

    @Test
    void givenADay_whenFormatted_thenEachLanguageNamesTheMonthItsOwnWay() {
        assertThat(DueDates.format(LocalDate.of(2026, 12, 15), ke.invoiceiq.domain.copy.Language.EN))
                .isEqualTo("15 Dec 2026");
        assertThat(DueDates.format(LocalDate.of(2026, 12, 15), ke.invoiceiq.domain.copy.Language.SW))
                .isEqualTo("15 Des 2026");
    }
}
