package ke.invoiceiq.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void givenASecret_whenPrinted_thenOnlyAMaskShows() {
        SecretValue secret = SecretValue.of("t0ken-value");

        assertThat(secret.toString()).isEqualTo("SecretValue[***]");
        assertThat(secret.reveal()).isEqualTo("t0ken-value");
    }

    @Test
    void givenACandidate_whenMatched_thenOnlyTheExactValueMatches() {
        SecretValue secret = SecretValue.of("t0ken-value");

        assertThat(secret.matches("t0ken-value")).isTrue();
        assertThat(secret.matches("t0ken-valuE")).isFalse();
        assertThat(secret.matches("t0ken-value ")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }
}
