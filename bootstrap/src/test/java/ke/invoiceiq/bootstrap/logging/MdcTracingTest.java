package ke.invoiceiq.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import ke.invoiceiq.bootstrap.http.CorrelationId;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MdcTracingTest {

    private final MdcTracing tracing = new MdcTracing();

    @AfterEach
    void clear() {
        MDC.remove(CorrelationId.MDC_KEY);
    }

    @Test
    void givenNoIdInTheLoggingContext_whenAsked_thenNone() {
        assertThat(tracing.currentCorrelationId()).isEmpty();
    }

    @Test
    void givenTheRequestsIdInTheLoggingContext_whenAsked_thenThatId() {
        MDC.put(CorrelationId.MDC_KEY, "req-1");

        assertThat(tracing.currentCorrelationId()).contains("req-1");
    }

    @Test
    void givenAnEmptyContext_whenWorkRunsWithAnId_thenTheIdIsSetDuringTheWorkAndRemovedAfter() {
        String during = tracing.withCorrelationId(Optional.of("req-1"),
                () -> String.valueOf(MDC.get(CorrelationId.MDC_KEY)));

        assertThat(during).isEqualTo("req-1");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }

    @Test
    void givenAnIdInTheContext_whenWorkRunsWithAnotherAndThrows_thenThePreviousIdComesBack() {
        MDC.put(CorrelationId.MDC_KEY, "job-1");

        assertThatThrownBy(() -> tracing.withCorrelationId(Optional.of("req-1"), () -> {
            assertThat(tracing.currentCorrelationId()).contains("req-1");
            throw new IllegalStateException("send failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(MDC.get(CorrelationId.MDC_KEY)).isEqualTo("job-1");
    }

    @Test
    void givenAnIdInTheContext_whenWorkRunsWithNone_thenTheContextIsLeftAlone() {
        MDC.put(CorrelationId.MDC_KEY, "job-1");

        Optional<String> during = tracing.withCorrelationId(Optional.empty(), tracing::currentCorrelationId);

        assertThat(during).contains("job-1");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isEqualTo("job-1");
    }
}
