package ke.invoiceiq.adapters.daraja.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bPayment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the documented C2B payload leniently, and refusing what cannot be a payment. */
class C2bCallbackParserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T06:00:00Z");
    private final C2bCallbackParser parser = new C2bCallbackParser(new ObjectMapper());

    private C2bPayment parse(String json) throws MalformedCallbackException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Pay Bill, PAYBILL",
        "CustomerPayBillOnline, PAYBILL",
        "Buy Goods, TILL",
        "CustomerBuyGoodsOnline, TILL",
        "'', PAYBILL",
    })
    void givenATransactionType_whenRead_thenTheKind(String type, C2bPayment.Kind kind) {
        assertThat(C2bCallbackParser.kind(type)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "TransAmount {0} -> {1} cents")
    @CsvSource({"'\"10\"', 1000", "'\"10.50\"', 1050", "10, 1000", "'1.00', 100"})
    void givenAnAmountAsStringOrNumber_whenRead_thenExact(String amount, long cents) throws Exception {
        C2bPayment p = parse("{\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":" + amount
                + ",\"BusinessShortCode\":600638}");

        assertThat(p.amount()).isEqualTo(new Money(cents));
        assertThat(p.shortCode()).isEqualTo("600638");
        assertThat(p.transactionTime()).as("no TransTime: when it arrived").isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"TransAmount\":\"10\",\"BusinessShortCode\":\"600638\"}",
        "{\"TransID\":\"rk\",\"TransAmount\":\"10\",\"BusinessShortCode\":\"600638\"}",
        "{\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"0\",\"BusinessShortCode\":\"600638\"}",
        "{\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"ten\",\"BusinessShortCode\":\"600638\"}",
        "{\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"10\",\"BusinessShortCode\":\"60\"}",
        "[]",
        "",
    })
    void givenNoUsableKeyFacts_whenRead_thenMalformed(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedCallbackException.class);
    }

    @org.junit.jupiter.api.Test
    void givenAnOverlongOrTillAccount_whenRead_thenNoAccount() throws Exception {
        C2bPayment overlong = parse("{\"TransactionType\":\"Pay Bill\",\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"10\","
                + "\"BusinessShortCode\":\"600638\",\"BillRefNumber\":\"123456789012345678901\"}");
        C2bPayment till = parse("{\"TransactionType\":\"Buy Goods\",\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"10\","
                + "\"BusinessShortCode\":\"600638\",\"BillRefNumber\":\"INV-7K3Q9X\"}");

        assertThat(overlong.account()).isEmpty();
        assertThat(till.account()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void givenATransTimeThatIsNoDate_whenRead_thenWhenItArrived() throws Exception {
        C2bPayment p = parse("{\"TransID\":\"RKTQDM7W6S\",\"TransAmount\":\"10\",\"BusinessShortCode\":\"600638\","
                + "\"TransTime\":\"20191342063845\"}");

        assertThat(p.transactionTime()).isEqualTo(NOW);
    }
}
