package ke.invoiceiq.adapters.whatsapp.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The corners of the code table the HTTP tests do not reach. */
class GraphErrorsTest {

    private static final Duration PAIR = Duration.ofSeconds(6);

    @Test
    void givenUnlistedCodeOn4xx_whenClassified_thenUndeliverable() {
        assertThat(GraphErrors.classify(400, Optional.of(999_999), Optional.empty(), PAIR))
                .isInstanceOfSatisfying(GraphFailure.Rejected.class, r -> assertThat(r.configuration()).isFalse());
    }

    @Test
    void givenUnlistedCodeMarkedTransient_whenClassified_thenTransient() {
        assertThat(GraphErrors.classify(400, Optional.of(999_999), Optional.of(true), PAIR))
                .isInstanceOf(GraphFailure.Transient.class);
    }

    @Test
    void givenNoEnvelope_whenClassified_thenStatusDecides() {
        assertThat(GraphErrors.classify(503, Optional.empty(), Optional.empty(), PAIR))
                .isInstanceOf(GraphFailure.Transient.class);
        assertThat(GraphErrors.classify(429, Optional.empty(), Optional.empty(), PAIR))
                .isInstanceOf(GraphFailure.Throttled.class);
        assertThat(GraphErrors.classify(404, Optional.empty(), Optional.empty(), PAIR))
                .isInstanceOfSatisfying(GraphFailure.Rejected.class, r -> assertThat(r.configuration()).isTrue());
    }

    @Test
    void givenPairRateLimit_whenClassified_thenWaitThePairInterval() {
        assertThat(GraphErrors.classify(429, Optional.of(131056), Optional.empty(), Duration.ofSeconds(9)))
                .isInstanceOfSatisfying(GraphFailure.Throttled.class,
                        t -> assertThat(t.after()).isEqualTo(Duration.ofSeconds(9)));
    }

    @Test
    void givenTemplateRangeAndPermissionRange_whenClassified_thenConfiguration() {
        for (int code : new int[] {132000, 132999, 200, 299, 3, 131042}) {
            assertThat(GraphErrors.classify(400, Optional.of(code), Optional.empty(), PAIR))
                    .isInstanceOfSatisfying(GraphFailure.Rejected.class,
                            r -> assertThat(r.configuration()).as("code %d", code).isTrue());
        }
        assertThat(GraphErrors.classify(400, Optional.of(133000), Optional.empty(), PAIR))
                .isInstanceOfSatisfying(GraphFailure.Rejected.class, r -> assertThat(r.configuration()).isFalse());
    }
}
