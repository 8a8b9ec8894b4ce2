package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ke.invoiceiq.application.due.SendDailySummaryUseCase;
import ke.invoiceiq.application.due.SendDueRemindersUseCase;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.due.DueDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Due dates and the reminders that run themselves (issue 17), through the real endpoints on PostgreSQL with the
 * test clock moved to the hours that matter in Nairobi: the WhatsApp webhook for the merchant's and the customers'
 * words, the REST API for the due date, the overdue state and a cash payment, the reminder and summary use cases as
 * their scheduled jobs call them, and WireMock as WhatsApp.
 */
@QuarkusTest
@TestProfile(DueRemindersProfile.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class DueRemindersAcceptanceTest extends AcceptanceBase {

    @Inject
    SendDueRemindersUseCase reminders;

    @Inject
    SendDailySummaryUseCase summary;

    @BeforeEach
    void noSummaryClaimedYet() {
        db.column("DELETE FROM send_slots WHERE key LIKE 'once:daily-summary:%' RETURNING key");
    }

    @Test
    void givenAnInvoiceDueInTwoDays_whenTheDaysPass_thenOneReminderPerStepAt0800ByTemplateAndNoneOncePaid() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "2500 Deep cleaning in 2 days");
        LocalDate due = DueDates.today(clock.instant()).plusDays(2);
        assertThat(db.column("SELECT due_date::text FROM invoices WHERE id = ?", invoice)).containsExactly(
                due.toString());
        assertThat(db.column("SELECT content->>'text' FROM outbox WHERE recipient_msisdn = ? AND purpose = 'INVOICE'",
                customer.value())).singleElement().asString().endsWith("\nDue: " + DueDates.format(due,
                        ke.invoiceiq.domain.copy.Language.EN));

        long invoiceTemplates = templatesTo(customer);
        moveTo(due, LocalTime.of(6, 0));
        reminders.send();
        assertThat(remindersTo(customer)).as("06:00 in Nairobi is quiet").isZero();

        moveTo(due, LocalTime.of(8, 0));
        bothReplicas(reminders::send);
        reminders.send();
        assertThat(remindersTo(customer)).as("on the due date at 08:00, once, though two replicas ticked at once")
                .isEqualTo(1);
        assertThat(db.column("SELECT reminder_count::text FROM invoices WHERE id = ?", invoice)).containsExactly("1");
        chat.dispatch();
        assertThat(templatesTo(customer) - invoiceTemplates).as("outside the 24-hour window: the invoice template")
                .isEqualTo(1);
        assertThat(chat.smsTo(customer)).as("the template reached them: no SMS").isEmpty();

        moveTo(due.plusDays(1), LocalTime.of(10, 0));
        reminders.send();
        assertThat(remindersTo(customer)).as("between steps").isEqualTo(1);

        moveTo(due.plusDays(3), LocalTime.of(8, 30));
        reminders.send();
        assertThat(remindersTo(customer)).as("3 days after").isEqualTo(2);
        assertThat(api().get("/invoices/" + invoice).then().statusCode(200).extract().jsonPath().getBoolean("overdue"))
                .isTrue();
        assertThat(api().get("/stats/summary").then().statusCode(200).extract().jsonPath().getLong("overdue"))
                .isPositive();

        api().contentType("application/json").body("{\"method\":\"CASH\",\"note\":\"Cash at the shop\"}")
                .post("/invoices/" + invoice + "/mark-paid").then().statusCode(200);
        moveTo(due.plusDays(7), LocalTime.of(9, 0));
        reminders.send();
        assertThat(remindersTo(customer)).as("paid: no more").isEqualTo(2);
        assertThat(api().get("/invoices/" + invoice).then().extract().jsonPath().getBoolean("overdue")).isFalse();
    }

    @Test
    void givenACustomerWhoRepliedStop_whenTheirInvoiceFallsDue_thenNoReminderAndTheMerchantWasToldOnce() {
        Msisdn customer = Customers.fresh();
        String invoice = sentInvoice(customer, "1200 Sukuma wiki due tomorrow");
        LocalDate due = DueDates.today(clock.instant()).plusDays(1);

        chat.says(customer, "ACHA");
        chat.says(customer, "stop");
        chat.dispatch();

        assertThat(chat.lastWhatsAppTo(customer).text()).contains("no more automatic reminders");
        assertThat(chat.whatsAppTo(customer)).anySatisfy(m -> assertThat(m.text()).contains("Hutapokea tena"));
        assertThat(db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ? AND purpose = 'MERCHANT_NOTICE'"
                + " AND content->>'text' LIKE ?", MERCHANT.value(), "%" + customer.masked()
                + " asked for no more reminders%")).as("the merchant is told once").isEqualTo(1);

        moveTo(due, LocalTime.of(9, 0));
        reminders.send();
        assertThat(remindersTo(customer)).isZero();

        // a manual remind still goes, and the merchant is reminded of the customer's wish
        chat.says(MERCHANT, "remind " + invoice);
        assertThat(remindersTo(customer)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ? AND content->>'text' LIKE ?",
                MERCHANT.value(), "%asked for no more automatic reminders%")).isEqualTo(1);

        chat.says(customer, "ANZA");
        moveTo(due.plusDays(3), LocalTime.of(9, 0));
        reminders.send();
        assertThat(remindersTo(customer)).as("START undoes STOP").isEqualTo(2);
    }

    @Test
    void givenADueDateInThePast_whenCreatedThroughTheApi_thenRefusedWithAProblem() {
        Msisdn customer = Customers.fresh();
        TypedInTests.number(customer);
        String yesterday = DueDates.today(clock.instant()).minusDays(1).toString();

        var problem = api().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount\":2500,\"description\":\"Cleaning\","
                        + "\"due_date\":\"" + yesterday + "\"}")
                .post("/invoices").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("errors[0].field")).isEqualTo("due_date");
        assertThat(problem.getString("errors[0].message")).contains("has already passed");

        String due = DueDates.today(clock.instant()).plusDays(10).toString();
        var created = api().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount\":2500,\"description\":\"Cleaning\","
                        + "\"due_date\":\"" + due + "\"}")
                .post("/invoices").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("due_date")).isEqualTo(due);
        assertThat(created.getBoolean("overdue")).isFalse();

        api().contentType("application/json")
                .body("{\"msisdn\":\"" + customer.value() + "\",\"amount\":2500,\"description\":\"Cleaning\","
                        + "\"due_date\":\"15 Dec\"}")
                .post("/invoices").then().statusCode(400);
    }

    @Test
    void givenTwoReplicas_whenBothTickAfterTheSummaryHour_thenTheMerchantGetsOneSummaryThatDay() throws Exception {
        LocalDate tomorrow = DueDates.today(clock.instant()).plusDays(1);
        moveTo(tomorrow, LocalTime.of(18, 55));
        assertThat(summary.send()).as("before 19:00").isFalse();

        moveTo(tomorrow, LocalTime.of(19, 5));
        long before = summariesToMerchant();
        assertThat(bothReplicas(summary::send).stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        assertThat(summary.send()).as("later the same evening").isFalse();
        assertThat(summariesToMerchant() - before).isEqualTo(1);
        chat.dispatch();
        // every summary (this one, counted above, and earlier tests' on the shared database) delivered, as itself or
        // in a digest; by WhatsApp or, when the moved clock has put the merchant outside the 24-hour window (after
        // 21:00 UTC "tomorrow" in Nairobi is more than a day away), by SMS
        assertThat(db.column("SELECT coalesce(d.status, n.status) FROM outbox n LEFT JOIN outbox d"
                + " ON d.id = n.coalesced_into WHERE n.recipient_msisdn = ? AND n.content->>'text' LIKE ?",
                MERCHANT.value(), "%invoices issued%")).isNotEmpty().containsOnly("SENT");
    }

    /** Runs {@code tick} on two threads at once, as two instances' schedulers would; returns both answers. */
    private static <T> List<T> bothReplicas(Callable<T> tick) {
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<T> answers = new java.util.ArrayList<>();
            for (Future<T> f : pool.invokeAll(List.of(tick, tick))) {
                answers.add(f.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private long summariesToMerchant() {
        return db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ? AND content->>'text' LIKE ?",
                MERCHANT.value(), "%invoices issued%");
    }

    /** Moves the test clock forward to {@code time} on {@code day} in Nairobi. */
    private void moveTo(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(DueDates.EAST_AFRICA).toInstant();
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead).as("the clock only moves forward").isPositive();
        clock.advance(ahead);
    }

    private long remindersTo(Msisdn customer) {
        return db.count("SELECT count(*) FROM outbox WHERE recipient_msisdn = ? AND purpose = 'REMINDER'",
                customer.value());
    }

    private long templatesTo(Msisdn customer) {
        return graph.findAll(postRequestedFor(urlPathEqualTo(GraphApiWireMock.MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer.value())))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(DueRemindersProfile.INVOICE_TEMPLATE))))
                .size();
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().header("Authorization", "Bearer " + AcceptanceProfile.ADMIN_KEY);
    }
}
