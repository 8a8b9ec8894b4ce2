package ke.invoiceiq.adapters.memory.contract;

import java.time.Instant;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.CustomerName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerDirectory} must do. The last inbound time only moves forward (webhooks arrive out
 * of order) and is kept for any number, invoiced or not. The retention purge forgets numbers that only wrote
 * (never a customer) and last wrote strictly before the cutoff (one exactly at it stays), at most
 * {@code limit} per call, and answers how many it forgot.
 */
public abstract class CustomerDirectoryContract {

    /** An empty directory; called once before each test. */
    protected abstract CustomerDirectory directory();

    private CustomerDirectory directory;

    @BeforeEach
    void startEmpty() {
        directory = directory();
    }

    @Test
    void remembersACustomerWithOrWithoutAName() {
        Customer named = Customer.of(msisdn(1), new CustomerName("Mama Njeri"));
        Customer nameless = Customer.of(msisdn(2));

        directory.remember(named);
        directory.remember(nameless);

        assertThat(directory.find(msisdn(1))).contains(named);
        assertThat(directory.find(msisdn(2))).contains(nameless);
        assertThat(directory.find(msisdn(3))).isEmpty();
    }

    @Test
    void renamesAKnownNumberWhenANameIsGiven() {
        directory.remember(Customer.of(msisdn(1)));
        directory.remember(Customer.of(msisdn(1), new CustomerName("Mama Njeri")));
        directory.remember(Customer.of(msisdn(1), new CustomerName("Njeri Wanjiku")));

        assertThat(directory.find(msisdn(1))).contains(Customer.of(msisdn(1), new CustomerName("Njeri Wanjiku")));
    }

    @Test
    void keepsTheKnownNameWhenNoneIsGiven() {
        Customer named = Customer.of(msisdn(1), new CustomerName("Mama Njeri"));
        directory.remember(named);

        directory.remember(Customer.of(msisdn(1)));

        assertThat(directory.find(msisdn(1))).contains(named);
    }

    @Test
    void findsEveryCustomerOfANameIgnoringCaseAndExtraSpaces() {
        Customer njeri = Customer.of(msisdn(1), new CustomerName("Mama Njeri"));
        Customer namesake = Customer.of(msisdn(2), new CustomerName("mama njeri"));
        directory.remember(njeri);
        directory.remember(namesake);
        directory.remember(Customer.of(msisdn(3), new CustomerName("Mama Njeri Wanjiku")));
        directory.remember(Customer.of(msisdn(4)));

        assertThat(directory.findByName("  MAMA \t  njeri ")).containsExactlyInAnyOrder(njeri, namesake);
        assertThat(directory.findByName("Njeri")).isEmpty();
        assertThat(directory.findByName("Otieno")).isEmpty();
    }

    @Test
    void findsACustomerByTheNameGivenLast() {
        directory.remember(Customer.of(msisdn(1), new CustomerName("Mama Njeri")));
        directory.remember(Customer.of(msisdn(1), new CustomerName("Njeri Wanjiku")));

        assertThat(directory.findByName("Mama Njeri")).isEmpty();
        assertThat(directory.findByName("njeri wanjiku")).extracting(Customer::msisdn).containsExactly(msisdn(1));
    }

    @Test
    void remembersWhenANumberLastWrote() {
        directory.remember(Customer.of(msisdn(1)));

        directory.recordInbound(msisdn(1), at(10));
        directory.recordInbound(msisdn(1), at(20));

        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(20));
        assertThat(directory.lastInboundAt(msisdn(2))).isEmpty();
    }

    @Test
    void ignoresAnInboundTimeOlderThanTheOneKnown() {
        directory.recordInbound(msisdn(1), at(20));
        directory.recordInbound(msisdn(1), at(10));

        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(20));
    }

    @Test
    void keepsTheInboundTimeOfANumberNeverInvoicedAndTheNameOfOneThatWrites() {
        directory.recordInbound(msisdn(2), at(5));
        assertThat(directory.lastInboundAt(msisdn(2))).contains(at(5));

        Customer named = Customer.of(msisdn(1), new CustomerName("Mama Njeri"));
        directory.remember(named);
        directory.recordInbound(msisdn(1), at(10));
        directory.remember(Customer.of(msisdn(1)));

        assertThat(directory.find(msisdn(1))).contains(named);
        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(10));
    }

    @Test
    void givenNumbersThatOnlyWroteBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreForgotten() {
        directory.recordInbound(msisdn(1), at(10));
        directory.recordInbound(msisdn(2), at(19));
        directory.recordInbound(msisdn(3), at(20));
        directory.recordInbound(msisdn(4), at(21));

        assertThat(directory.purgeNonCustomersBefore(at(20), 100)).isEqualTo(2);

        assertThat(directory.lastInboundAt(msisdn(1))).isEmpty();
        assertThat(directory.lastInboundAt(msisdn(2))).isEmpty();
        assertThat(directory.lastInboundAt(msisdn(3))).contains(at(20));
        assertThat(directory.lastInboundAt(msisdn(4))).contains(at(21));

        directory.recordInbound(msisdn(1), at(30));
        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(30));
    }

    @Test
    void givenCustomersWhoWroteLongAgo_whenPurged_thenTheyAreNeverForgotten() {
        Customer named = Customer.of(msisdn(1), new CustomerName("Mama Njeri"));
        directory.remember(named);
        directory.recordInbound(msisdn(1), at(0));
        directory.recordInbound(msisdn(2), at(0));
        directory.remember(Customer.of(msisdn(2)));
        directory.remember(Customer.of(msisdn(3)));
        directory.recordInbound(msisdn(4), at(0));

        assertThat(directory.purgeNonCustomersBefore(at(1_000_000), 100)).isEqualTo(1);

        assertThat(directory.find(msisdn(1))).contains(named);
        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(0));
        assertThat(directory.find(msisdn(2))).contains(Customer.of(msisdn(2)));
        assertThat(directory.lastInboundAt(msisdn(2))).contains(at(0));
        assertThat(directory.find(msisdn(3))).isPresent();
        assertThat(directory.findByName("mama njeri")).containsExactly(named);
        assertThat(directory.lastInboundAt(msisdn(4))).isEmpty();
    }

    @Test
    void givenMoreExpiredNumbersThanTheLimit_whenPurgedRepeatedly_thenEachCallForgetsAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            directory.recordInbound(msisdn(i), at(i));
        }

        assertThat(directory.purgeNonCustomersBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> directory.purgeNonCustomersBefore(at(100), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.purgeNonCustomersBefore(at(100), 2)).isEqualTo(2);
        assertThat(directory.purgeNonCustomersBefore(at(100), 2)).isEqualTo(2);
        assertThat(directory.purgeNonCustomersBefore(at(100), 2)).isEqualTo(1);
        assertThat(directory.purgeNonCustomersBefore(at(100), 2)).isZero();
    }

    // ---- language ----------------------------------------------------------------------------------------

    @Test
    void givenNoLanguage_whenAsked_thenItIsEmpty() {
        directory.remember(Customer.of(msisdn(1)));

        assertThat(directory.language(msisdn(1))).isEmpty();
        assertThat(directory.language(msisdn(2))).isEmpty();
    }

    @Test
    void givenTheMerchantChoosesALanguage_whenAsked_thenItIsThatOneAndTheNumberIsACustomer() {
        directory.chooseLanguage(msisdn(1), Language.SW);

        assertThat(directory.language(msisdn(1))).contains(Language.SW);
        assertThat(directory.find(msisdn(1))).contains(Customer.of(msisdn(1)));

        directory.chooseLanguage(msisdn(1), Language.EN);
        assertThat(directory.language(msisdn(1))).contains(Language.EN);
    }

    @Test
    void givenAChosenLanguage_whenAnotherIsLearned_thenTheChoiceStays() {
        directory.remember(Customer.of(msisdn(1), new CustomerName("Mama Njeri")));
        directory.chooseLanguage(msisdn(1), Language.EN);

        directory.learnLanguage(msisdn(1), Language.SW);

        assertThat(directory.language(msisdn(1))).contains(Language.EN);
        assertThat(directory.find(msisdn(1))).contains(Customer.of(msisdn(1), new CustomerName("Mama Njeri")));
    }

    @Test
    void givenALearnedLanguage_whenTheNumberWritesAgain_thenTheTimeAndTheLanguageAreBothKept() {
        directory.learnLanguage(msisdn(1), Language.SW);
        directory.recordInbound(msisdn(1), at(10));

        assertThat(directory.language(msisdn(1))).contains(Language.SW);
        assertThat(directory.lastInboundAt(msisdn(1))).contains(at(10));
        assertThat(directory.find(msisdn(1))).as("learning a language does not make a customer").isEmpty();
    }

    @Test
    void givenANumberThatOnlyWroteInSwahili_whenPurged_thenItsLanguageGoesWithIt() {
        directory.recordInbound(msisdn(1), at(10));
        directory.learnLanguage(msisdn(1), Language.SW);

        assertThat(directory.purgeNonCustomersBefore(at(20), 10)).isEqualTo(1);

        assertThat(directory.language(msisdn(1))).isEmpty();
    }

    // ---- reminders stopped ----------------------------------------------------------------------------

    @Test
    void givenANumberThatSaidStop_whenAskedAgainAndAfterStart_thenTheNewsIsTrueOnceAndStartUndoesIt() {
        assertThat(directory.remindersStopped(msisdn(1))).isFalse();

        assertThat(directory.stopReminders(msisdn(1), Instant.parse("2026-12-07T09:00:00Z"))).isTrue();
        assertThat(directory.stopReminders(msisdn(1), Instant.parse("2026-12-07T10:00:00Z"))).isFalse();
        assertThat(directory.remindersStopped(msisdn(1))).isTrue();
        assertThat(directory.remindersStopped(msisdn(2))).isFalse();

        assertThat(directory.resumeReminders(msisdn(1))).isTrue();
        assertThat(directory.resumeReminders(msisdn(1))).isFalse();
        assertThat(directory.remindersStopped(msisdn(1))).isFalse();
    }

    @Test
    void givenANumberThatOnlyWroteAndSaidStop_whenPurged_thenTheWishIsKept() {
        directory.recordInbound(msisdn(1), Instant.parse("2026-01-01T00:00:00Z"));
        directory.stopReminders(msisdn(1), Instant.parse("2026-01-01T00:00:00Z"));

        directory.purgeNonCustomersBefore(Instant.parse("2026-06-01T00:00:00Z"), 10);

        assertThat(directory.remindersStopped(msisdn(1))).isTrue();
    }
}
