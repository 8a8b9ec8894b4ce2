package ke.invoiceiq.bootstrap.endtoend;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.inject.Inject;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every acceptance test class has: the three provider WireMocks (reset to accept everything before each
 * test), the database, the test clock (put back after each test) and a {@link Conversation} over them. Subclasses
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
        chat.dispatch();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
