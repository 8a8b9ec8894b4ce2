package ke.invoiceiq.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f2c1a9e-5b7d-4c2e-9f1a-0b8d7c6e5a4f", "Root=1-67891233-abcdef012345678912345678",
            "req_12345678"})
    void givenAPlainTokenFromTheCaller_whenRead_thenItIsKept(String header) {
        assertThat(CorrelationId.fromHeader(Optional.of(header))).isEqualTo(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "two words here", "evil\nINFO forged log line", "{\"json\":1}",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void givenAnythingElse_whenRead_thenANewIdReplacesIt(String header) {
        String id = CorrelationId.fromHeader(Optional.of(header));

        assertThat(id).isNotEqualTo(header).matches("[0-9a-f-]{36}");
    }

    @org.junit.jupiter.api.Test
    void givenNoHeader_whenRead_thenANewIdIsMade() {
        assertThat(CorrelationId.fromHeader(Optional.empty())).matches("[0-9a-f-]{36}");
    }
}
