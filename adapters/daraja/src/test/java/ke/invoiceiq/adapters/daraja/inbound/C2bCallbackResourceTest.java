package ke.invoiceiq.adapters.daraja.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.payment.C2bValidation;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The C2B confirmation and validation endpoints over HTTP, with a recording fake of the use case (allowlist off). */
@QuarkusTest
@TestProfile(CallbackTestProfile.class)
class C2bCallbackResourceTest {

    static final String PAYBILL = """
            {"TransactionType":"Pay Bill","TransID":"RKTQDM7W6S","TransTime":"20191122063845","TransAmount":"2500.00",
             "BusinessShortCode":"600638","BillRefNumber":"inv 7k3q9x","InvoiceNumber":"","OrgAccountBalance":"49197.00",
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 149","FirstName":"John","MiddleName":"","LastName":"Doe"}
            """;

    static final String TILL = """
            {"TransactionType":"Buy Goods","TransID":"RKTQDM7W6T","TransTime":"20191122063845","TransAmount":700,
             "BusinessShortCode":"5123456","BillRefNumber":"","InvoiceNumber":"","OrgAccountBalance":"",
             "ThirdPartyTransID":"","MSISDN":"9b0b2f1e0c3a","FirstName":"Jane","MiddleName":"","LastName":""}
            """;

    @Inject
    RecordingC2bPayments payments;

    @BeforeEach
    void reset() {
        payments.reset();
    }

    private static Response post(String path, String body) {
        return given().contentType("application/json").body(body).when().post(path);
    }

    @Test
    void givenAPaybillConfirmation_whenPosted_thenItIsHandedOnParsedWithoutPayerDataAndAcknowledged() {
        Instant before = Instant.now();

        post("/payments/c2b/confirmation/" + CallbackTestProfile.TOKEN, PAYBILL).then().statusCode(200)
                .contentType("application/json").body("ResultCode", equalTo(0)).body("ResultDesc", equalTo("Accepted"));

        assertThat(payments.confirmed()).singleElement().satisfies(p -> {
            assertThat(p.receipt()).isEqualTo(new MpesaReceipt("RKTQDM7W6S"));
            assertThat(p.kind()).isEqualTo(C2bPayment.Kind.PAYBILL);
            assertThat(p.amount()).isEqualTo(Money.ofShillings(2_500));
            assertThat(p.transactionTime()).as("Kenyan time").isEqualTo(Instant.parse("2019-11-22T03:38:45Z"));
            assertThat(p.shortCode()).isEqualTo("600638");
            assertThat(p.account()).contains("inv 7k3q9x");
            assertThat(p.receivedAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void givenATillConfirmation_whenPosted_thenItIsATillPaymentWithNoAccount() {
        post("/payments/c2b/confirmation/" + CallbackTestProfile.NEXT_TOKEN, TILL).then().statusCode(200);

        assertThat(payments.confirmed()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(C2bPayment.Kind.TILL);
            assertThat(p.amount()).isEqualTo(Money.ofShillings(700));
            assertThat(p.account()).isEmpty();
        });
    }

    @Test
    void givenAWrongOrMissingToken_whenPosted_thenUnauthorizedAndNothingHandedOn() {
        post("/payments/c2b/confirmation/wrong-token", PAYBILL).then().statusCode(401).body(emptyString());
        post("/payments/c2b/confirmation", PAYBILL).then().statusCode(401);
        post("/payments/c2b/validation/wrong-token", PAYBILL).then().statusCode(401);
        post("/payments/c2b/validation", PAYBILL).then().statusCode(401);

        assertThat(payments.confirmed()).isEmpty();
        assertThat(payments.validated()).isEmpty();
    }

    @Test
    void givenAConfirmationWithoutATransId_whenPosted_thenAcknowledgedAndNothingHandedOn() {
        post("/payments/c2b/confirmation/" + CallbackTestProfile.TOKEN, "{\"TransAmount\":\"10\"}").then()
                .statusCode(200).body("ResultCode", equalTo(0));
        post("/payments/c2b/confirmation/" + CallbackTestProfile.TOKEN, "not json").then().statusCode(200);

        assertThat(payments.confirmed()).isEmpty();
    }

    @Test
    void givenTheStoreIsDown_whenAConfirmationIsPosted_thenServiceUnavailableSoSafaricomTellsItAgain() {
        payments.failWith(new IllegalStateException("database down"));

        post("/payments/c2b/confirmation/" + CallbackTestProfile.TOKEN, PAYBILL).then().statusCode(503);
    }

    @Test
    void givenAnAccountTheUseCaseRefuses_whenValidated_thenSafaricomsInvalidAccountCode() {
        payments.answer(C2bValidation.INVALID_ACCOUNT);

        post("/payments/c2b/validation/" + CallbackTestProfile.TOKEN, PAYBILL).then().statusCode(200)
                .contentType("application/json").body("ResultCode", equalTo("C2B00012"))
                .body("ResultDesc", equalTo("Rejected"));
    }

    @Test
    void givenAnAccountTheUseCaseAccepts_whenValidated_thenAccepted() {
        post("/payments/c2b/validation/" + CallbackTestProfile.TOKEN, PAYBILL).then().statusCode(200)
                .body("ResultCode", equalTo("0")).body("ResultDesc", equalTo("Accepted"));

        assertThat(payments.validated()).singleElement().extracting(C2bPayment::account)
                .isEqualTo(Optional.of("inv 7k3q9x"));
        assertThat(payments.confirmed()).as("validation is not payment").isEmpty();
    }

    @Test
    void givenAnErrorWhileValidating_whenValidated_thenAcceptedSoOurFaultIsNotTheCustomers() {
        payments.failWith(new IllegalStateException("database down"));

        post("/payments/c2b/validation/" + CallbackTestProfile.TOKEN, PAYBILL).then().statusCode(200)
                .body("ResultCode", equalTo("0"));
    }
}
