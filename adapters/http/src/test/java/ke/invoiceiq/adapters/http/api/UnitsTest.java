package ke.invoiceiq.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import ke.invoiceiq.application.settings.RotatingSecret;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure parts of the API: cursors, amount rules, the API's paths, the key comparison. */
class UnitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T06:00:00Z", "2026-03-02T06:00:00.123456789Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z"})
    void aCursorSurvivesTheRoundTripToTheNanosecond(String at) {
        var cursor = new InvoiceCursor(Instant.parse(at), new InvoiceId("INV-7K3Q9X"));

        String encoded = Cursors.encode(cursor);

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(encoded)).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!!", "djE6", "v1:1:INV-7K3Q9X", "djE6eDpJTlYtN0szUTlY"})
    void anythingElseIsNotACursor(String raw) {
        assertThat(Cursors.decode(raw)).isEmpty();
        assertThat(Cursors.decode(b64(raw))).isEmpty();
    }

    @Test
    void aCursorWithAnImpossibleTimeOrIdIsNotACursor() {
        assertThat(Cursors.decode(b64("v1:1772431200.1:INV-7K3Q9X"))).isEmpty();
        assertThat(Cursors.decode(b64("v1:1772431200.000000000:INV-7K3Q9X "))).isEmpty();
        assertThat(Cursors.decode(b64("v1:1772431200.000000000:INV-7K3Q9U"))).isEmpty();
        assertThat(Cursors.decode(b64("v1:1772431200.000000000:INV-7K3Q9X"))).isPresent();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "0          | min",
            "-5         | min",
            "KES -5     | min",
            "0.00       | min",
            "2500.50    | whole_shillings",
            "2,500.5    | whole_shillings",
            "250001     | max",
            "300,000    | max",
            "9999999999999 | max",
            "lots       | format",
            "2500 apples| format"})
    void namesTheRuleARefusedAmountBroke(String raw, String rule) {
        assertThat(InvoiceRequests.amountRule(raw)).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({
            "/invoices, true", "/invoices/INV-1/remind, true", "/payments, true", "/payments/, true",
            "/payments/stk/initiate, true", "/stats/summary, true", "invoices, true",
            "/payments/unmatched, true", "/payments/unmatched/x, true", "/payments/unmatched/x/apply, true",
            "/admin/audit, true", "/adminx, false",
            "/payments/stk/callback/abc, false", "/pay/abc, false", "/sms/inbound/x, false", "/whatsapp/webhook, false",
            "/q/openapi, false", "/docs, false", "/invoicesx, false"})
    void knowsWhichPathsAreTheApis(String path, boolean api) {
        assertThat(ApiPaths.isApi(path)).isEqualTo(api);
    }

    @ParameterizedTest
    @CsvSource({
            "/payments/unmatched, 'GET, HEAD, OPTIONS'", "/payments/unmatched/id-1, 'GET, HEAD, OPTIONS'",
            "/payments/unmatched/id-1/apply, 'POST, OPTIONS'", "/admin/audit, 'GET, HEAD, OPTIONS'"})
    void knowsWhichMethodsTheUnmatchedPathsAnswer(String path, String allow) {
        assertThat(ApiPaths.allowed(path)).contains(allow);
    }

    @Test
    void theKeyMatchesOnlyItselfAndNothingWhenUnset() {
        var key = new AdminKey(RotatingSecret.of(Optional.of("  s3cret-key  "), Optional.empty()));
        var unset = new AdminKey(RotatingSecret.of(Optional.of("   "), Optional.of("")));

        assertThat(key.configured()).isTrue();
        assertThat(key.matches("s3cret-key")).isTrue();
        assertThat(key.matches("s3cret-key ")).isFalse();
        assertThat(key.matches("s3cret-ke")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(unset.configured()).isFalse();
        assertThat(unset.matches("")).isFalse();
        assertThat(unset.matches("   ")).isFalse();
    }

    @Test
    void givenACurrentAndANextKey_whenEitherIsPresented_thenBothMatchAndAThirdDoesNot() {
        var key = new AdminKey(RotatingSecret.of(Optional.of("current-key"), Optional.of("next-key")));

        assertThat(key.matches("current-key")).isTrue();
        assertThat(key.matches("next-key")).isTrue();
        assertThat(key.matches("previous-key")).isFalse();
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
