package ke.invoiceiq.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.DueClause;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.shared.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-line invoice's optional trailing due clause. */
class CommandParserDueClauseTest {

    private static final CustomerRef PHONE = new CustomerRef.ByPhone(new Msisdn("254712345678"));

    static Stream<Arguments> lines() {
        return Stream.of(
                arguments("invoice 0712345678 2500 Cleaning due 15 Dec", "Cleaning",
                        Optional.of(new DueClause.OnDay(MonthDay.of(12, 15), OptionalInt.empty()))),
                arguments("invoice 0712345678 2500 Deep cleaning, 3 rooms due 15/12/2027", "Deep cleaning, 3 rooms",
                        Optional.of(new DueClause.OnDay(MonthDay.of(12, 15), OptionalInt.of(2027)))),
                arguments("invoice 0712345678 2500 Cleaning due friday", "Cleaning",
                        Optional.of(new DueClause.OnWeekday(DayOfWeek.FRIDAY))),
                arguments("invoice 0712345678 2500 Cleaning DUE Tomorrow", "Cleaning",
                        Optional.of(new DueClause.InDays(1))),
                arguments("invoice 0712345678 2500 Cleaning in 7 days", "Cleaning",
                        Optional.of(new DueClause.InDays(7))),
                arguments("invoice 0712345678 2500 Cleaning due in 7 days", "Cleaning",
                        Optional.of(new DueClause.InDays(7))),
                arguments("invoice 0712345678 2500 Usafi tarehe 15 Des", "Usafi",
                        Optional.of(new DueClause.OnDay(MonthDay.of(12, 15), OptionalInt.empty()))),
                arguments("invoice 0712345678 2500 Usafi baada ya siku 3", "Usafi",
                        Optional.of(new DueClause.InDays(3))),
                // no due clause: "due" followed by words that are no date stay in the description
                arguments("invoice 0712345678 2500 Rent due soon", "Rent due soon", Optional.empty()),
                arguments("invoice 0712345678 2500 Cleaning", "Cleaning", Optional.empty()),
                arguments("invoice 0712345678 2500 Due diligence report", "Due diligence report", Optional.empty()),
                arguments("invoice 0712345678 2500 Trip in 7 cars", "Trip in 7 cars", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void givenAOneLineInvoice_whenParsed_thenTheDueClauseIsReadApartFromTheDescription(String line,
            String description, Optional<DueClause> due) {
        assertThat(CommandParser.parse(line)).isEqualTo(new Command.CreateInvoice(PHONE, Amount.ofShillings(2_500),
                new Description(description), due, Optional.empty()));
    }

    static Stream<Arguments> taggedLines() {
        return Stream.of(
                arguments("invoice 0712345678 2500 Usafi due friday sw", "Usafi",
                        Optional.of(new DueClause.OnWeekday(DayOfWeek.FRIDAY)), Language.SW),
                arguments("ankara 0712345678 2500 Usafi baada ya siku 3 SW", "Usafi",
                        Optional.of(new DueClause.InDays(3)), Language.SW),
                arguments("invoice 0712345678 2500 Cleaning in 7 days en", "Cleaning",
                        Optional.of(new DueClause.InDays(7)), Language.EN),
                arguments("invoice 0712345678 2500 Cleaning sw", "Cleaning", Optional.empty(), Language.SW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taggedLines")
    void givenADueClauseAndALanguageTag_whenParsed_thenBothAreReadAndTheRestIsTheDescription(String line,
            String description, Optional<DueClause> due, Language language) {
        assertThat(CommandParser.parse(line)).isEqualTo(new Command.CreateInvoice(PHONE, Amount.ofShillings(2_500),
                new Description(description), due, Optional.of(language)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"invoice 0712345678 2500 Cleaning due 32 Dec", "invoice 0712345678 2500 Cleaning due 31/2",
        "invoice 0712345678 2500 Cleaning due 15/13/2027"})
    void givenADueClauseThatIsNoDay_whenParsed_thenInvalidNamingTheDueDate(String line) {
        assertThat(CommandParser.parse(line)).isInstanceOfSatisfying(Command.Invalid.class, invalid -> {
            assertThat(invalid.verb()).isEqualTo("invoice");
            assertThat(invalid.error().field()).isEqualTo(Field.DUE_DATE);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"invoice 0712345678 2500 due 15 Dec", "invoice 0712345678 2500 in 7 days"})
    void givenOnlyADueClause_whenParsed_thenTheDescriptionIsMissing(String line) {
        assertThat(CommandParser.parse(line)).isInstanceOfSatisfying(Command.Invalid.class,
                invalid -> assertThat(invalid.error().field()).isIn(Field.DESCRIPTION, Field.DUE_DATE));
    }
}
