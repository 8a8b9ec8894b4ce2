package ke.invoiceiq.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.UUID;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import org.junit.jupiter.api.Test;

class SecureRandomIdGeneratorTest {

    private static final int DRAWS = 10_000;

    private final SecureRandomIdGenerator ids = new SecureRandomIdGenerator();

    /**
     * Six Crockford symbols are 32^6 ≈ 1.07e9 ids: among 10,000 draws a repeat is expected with a probability of
     * about 5 % (birthday bound), so "none repeats" would be a flaky test. Three or more repeats would take a
     * generator far worse than uniform (probability below 1e-5 for a good one).
     */
    @Test
    void givenTenThousandDraws_whenInvoiceIds_thenEachIsCanonicalAndRepeatsAreAsRareAsChanceAllows() {
        var seen = new HashSet<InvoiceId>();
        int repeats = 0;
        for (int i = 0; i < DRAWS; i++) {
            InvoiceId id = ids.nextInvoiceId();
            assertThat(id.value()).matches("INV-[" + InvoiceId.ALPHABET + "]{6}");
            assertThat(InvoiceId.parse(id.value().toLowerCase()).orElseThrow()).isEqualTo(id);
            if (!seen.add(id)) {
                repeats++;
            }
        }
        assertThat(repeats).as("repeated invoice ids in %d draws", DRAWS).isLessThanOrEqualTo(2);
    }

    @Test
    void givenTenThousandDraws_whenPayTokens_thenEachIs24RandomBytesUrlSafeUnpaddedAndNoneRepeats() {
        var seen = new HashSet<PayToken>();
        for (int i = 0; i < DRAWS; i++) {
            PayToken token = ids.nextPayToken();
            assertThat(token.value()).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(24);
            assertThat(seen.add(token)).as("repeated a pay token after %d draws", i).isTrue();
        }
    }

    @Test
    void givenTenThousandDraws_whenIds_thenEachIsARandomUuidAndNoneRepeats() {
        var seen = new HashSet<String>();
        for (int i = 0; i < DRAWS; i++) {
            String id = ids.nextId();
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("repeated %s after %d draws", id, i).isTrue();
        }
    }

    @Test
    void givenManyDraws_whenInvoiceIds_thenEveryAlphabetSymbolTurnsUp() {
        var symbols = new HashSet<Character>();
        for (int i = 0; i < DRAWS; i++) {
            ids.nextInvoiceId().value().substring(4).chars().forEach(c -> symbols.add((char) c));
        }
        assertThat(symbols).hasSize(InvoiceId.ALPHABET.length());
    }
}
