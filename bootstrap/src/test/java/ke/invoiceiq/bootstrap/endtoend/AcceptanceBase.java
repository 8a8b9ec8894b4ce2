package ke.invoiceiq.bootstrap.endtoend;

import static ke.invoiceiq.bootstrap.endtoend.Conversation.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.endtoend.Conversation.Received;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.Scrape;
import ke.invoiceiq.bootstrap.testing.TestClock;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.bootstrap.testing.TypedInTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every acceptance test class has: the three provider WireMocks (reset to accept everything before each
 * test), the database, the test clock (put back after each test), a {@link Conversation} over them and the merchant's
 * most common moves ({@link #sentInvoice}, {@link #step}), and the metrics scrape (on the management port, as
 * Prometheus reads it). Subclasses
 * carry the {@code @QuarkusTest}, {@link AcceptanceProfile} and test resources, so they run in one application.
 */
abstract class AcceptanceBase {

    @GraphApiWireMock.Server
    WireMockServer graph;

    @DarajaWireMock.Server
    WireMockServer daraja;

    @AfricasTalkingWireMock.Server
    WireMockServer sms;

    @Inject
    DispatchOutboxUseCase dispatcher;

    @Inject
    Database db;

    @Inject
    TestClock clock;

    /** {@code /q/metrics} on the management interface (application.properties), not on the application port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    Conversation chat;

    @BeforeEach
    void providersAcceptEverything() {
        graph.resetAll();
        GraphApiWireMock.acceptEverySend(graph);
        daraja.resetAll();
        DarajaWireMock.defaults(daraja);
        sms.resetAll();
        AfricasTalkingWireMock.acceptEverySms(sms);
        chat = new Conversation(graph, daraja, sms, dispatcher, db, clock);
        // the merchant's number is in every conversation; the customers' are recorded as they are made up
        TypedInTests.number(Conversation.MERCHANT);
        chat.dispatch();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The merchant invoices {@code customer} in one line; returns the invoice once it is SENT. */
    String sentInvoice(Msisdn customer, String amountAndItem) {
        chat.says(MERCHANT, "invoice " + Customers.typed(customer) + " " + amountAndItem);
        chat.dispatch();
        String invoice = chat.onlyInvoiceOf(customer);
        assertThat(chat.status(invoice)).isEqualTo("SENT");
        return invoice;
    }

    /** The merchant writes {@code text}; the bot's answer starts with or contains {@code expected}. */
    Received step(String text, String expected) {
        chat.says(MERCHANT, text);
        chat.dispatch();
        Received answer = chat.lastWhatsAppTo(MERCHANT);
        assertThat(answer.text()).as("answer to %s", text).contains(expected);
        return answer;
    }

    Scrape scrape() {
        return Scrape.of(given().get(metrics).then().statusCode(200).extract().asString());
    }
}
