package ke.invoiceiq.adapters.daraja.inbound;

import static ke.invoiceiq.adapters.daraja.inbound.Callbacks.callback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StkCallbackParserTest {

    private static final Instant RECEIVED = Instant.parse("2024-07-21T09:52:50Z");

    private final StkCallbackParser parser = new StkCallbackParser(new ObjectMapper());

    private PaymentResult parse(String fixture) throws MalformedCallbackException {
        return parser.parse(callback(fixture), RECEIVED);
    }

    private PaymentResult parseJson(String json) throws MalformedCallbackException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static String success(String items) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"m-1","CheckoutRequestID":"ws_CO_1","ResultCode":0,
                "ResultDesc":"ok","CallbackMetadata":{"Item":[%s]}}}}""".formatted(items);
    }

    @Test
    void success_is_read_field_by_field() throws Exception {
        PaymentResult r = parse("success");

        assertThat(r.checkoutRequestId()).isEqualTo(new CheckoutRequestId("ws_CO_191220191020363925"));
        assertThat(r.merchantRequestId()).contains(new MerchantRequestId("29115-34620561-1"));
        assertThat(r.result().code()).isZero();
        assertThat(r.result().isSuccess()).isTrue();
        assertThat(r.result().description()).isEqualTo("The service request is processed successfully.");
        assertThat(r.amount()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("1.00"));
        assertThat(r.receipt()).contains(new MpesaReceipt("NLJ7RT61SV"));
        // 2019-12-19 10:21:15 in Nairobi (UTC+3)
        assertThat(r.transactionTime()).contains(Instant.parse("2019-12-19T07:21:15Z"));
        assertThat(r.phone()).contains(new Msisdn("254708374149"));
        assertThat(r.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void items_are_read_by_name_not_position_and_a_balance_with_value_is_ignored() throws Exception {
        PaymentResult r = parse("success-reordered");

        assertThat(r.amount()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("1250.50"));
        assertThat(r.receipt()).contains(new MpesaReceipt("SAB1CD2EF3"));
        // just after midnight in Nairobi is still the previous day in UTC
        assertThat(r.transactionTime()).contains(Instant.parse("2023-12-31T21:05:10Z"));
        assertThat(r.phone()).contains(new Msisdn("254112345678"));
    }

    @ParameterizedTest
    @CsvSource({
        "cancelled-1032, 1032, CANCELLED_BY_USER, Request cancelled by user",
        "unreachable-1037, 1037, PHONE_UNREACHABLE, DS timeout user cannot be reached",
        "wrong-pin-2001, 2001, WRONG_PIN, The initiator information is invalid.",
        "insufficient-1, 1, INSUFFICIENT_FUNDS, The balance is insufficient for the transaction.",
        "result-code-string, 1032, CANCELLED_BY_USER, Request cancelled by user"})
    void failures_carry_code_and_description_and_no_metadata(String fixture, int code, StkReason reason,
            String description) throws Exception {
        PaymentResult r = parse(fixture);

        assertThat(r.result().code()).isEqualTo(code);
        assertThat(r.result().isSuccess()).isFalse();
        assertThat(r.result().reason()).isEqualTo(reason);
        assertThat(r.result().description()).isEqualTo(description);
        assertThat(r.merchantRequestId()).isPresent();
        assertThat(r.amount()).isEmpty();
        assertThat(r.receipt()).isEmpty();
        assertThat(r.transactionTime()).isEmpty();
        assertThat(r.phone()).isEmpty();
    }

    @Test
    void an_amount_is_read_exactly_never_through_a_double() throws Exception {
        PaymentResult r = parseJson(success("{\"Name\":\"Amount\",\"Value\":0.10000000000000000555}"));

        assertThat(r.amount()).contains(new BigDecimal("0.10000000000000000555"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Name\":\"Amount\",\"Value\":\"1500\"}  | 1500",
        "{\"Name\":\"Amount\",\"Value\":1500}      | 1500",
        "{\"Name\":\"Amount\",\"Value\":1500.0}    | 1500"})
    void an_amount_may_be_a_string_an_integer_or_a_decimal(String item, String expected) throws Exception {
        assertThat(parseJson(success(item)).amount())
                .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo(expected));
    }

    @Test
    void phone_and_date_may_arrive_as_strings_or_in_decimal_form() throws Exception {
        PaymentResult r = parseJson(success("""
                {"Name":"PhoneNumber","Value":"254708374149"},
                {"Name":"TransactionDate","Value":2.0191219102115E13}"""));

        assertThat(r.phone()).contains(new Msisdn("254708374149"));
        assertThat(r.transactionTime()).contains(Instant.parse("2019-12-19T07:21:15Z"));
    }

    @Test
    void unusable_metadata_values_are_dropped_not_the_callback() throws Exception {
        PaymentResult r = parseJson(success("""
                {"Name":"Amount","Value":"lots"},
                {"Name":"MpesaReceiptNumber","Value":"not a receipt"},
                {"Name":"TransactionDate","Value":20191340102115},
                {"Name":"PhoneNumber","Value":14155550100}"""));

        assertThat(r.result().isSuccess()).isTrue();
        assertThat(r.amount()).isEmpty();
        assertThat(r.receipt()).isEmpty();
        assertThat(r.transactionTime()).isEmpty();
        assertThat(r.phone()).isEmpty();
    }

    @Test
    void items_without_value_or_unknown_names_are_ignored() throws Exception {
        PaymentResult r = parseJson(success("""
                {"Name":"Balance"},{"Name":"Amount","Value":null},{"Name":"Whatever","Value":3},{"Value":4}"""));

        assertThat(r.amount()).isEmpty();
        assertThat(r.checkoutRequestId()).isEqualTo(new CheckoutRequestId("ws_CO_1"));
    }

    @Test
    void merchant_request_id_and_description_are_optional() throws Exception {
        PaymentResult r = parseJson("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_2\",\"ResultCode\":1037}}}");

        assertThat(r.merchantRequestId()).isEqualTo(Optional.empty());
        assertThat(r.result().description()).isEmpty();
        assertThat(r.result().code()).isEqualTo(1037);
    }

    @Test
    void an_unlisted_code_maps_to_other_through_the_domain_table() throws Exception {
        PaymentResult r = parseJson("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_3\",\"ResultCode\":8006}}}");

        assertThat(r.result().reason()).isEqualTo(StkReason.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2]",
        "{}",
        "{\"Body\":{}}",
        "{\"Body\":{\"stkCallback\":{\"ResultCode\":0}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"  \",\"ResultCode\":0}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":{},\"ResultCode\":0}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\"}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":\"zero\"}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0.5}}}",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":null}}}"})
    void a_callback_without_a_usable_checkout_id_or_result_code_is_malformed(String json) {
        assertThatThrownBy(() -> parseJson(json)).isInstanceOf(MalformedCallbackException.class);
    }

    @Test
    void the_malformed_fixture_is_malformed_and_the_message_quotes_nothing_from_it() {
        assertThatThrownBy(() -> parse("no-checkout-id")).isInstanceOf(MalformedCallbackException.class)
                .hasMessage("no usable CheckoutRequestID");
    }
}
