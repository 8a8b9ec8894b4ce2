package ke.invoiceiq.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names {@link PromQl} finds in the shapes of query the dashboard and the alert rules use. */
class PromQlTest {

    @Test
    void givenAnAggregationWithMatchersAndARange_whenRead_thenOnlyTheMetric() {
        assertThat(PromQl.metricNames("sum by (channel, outcome) (rate(invoiceiq_messages_sent_total"
                + "{outcome=~\"undeliverable|misconfigured\",channel!=\"sms\"}[5m]))"))
                .containsExactly("invoiceiq_messages_sent_total");
    }

    @Test
    void givenABinaryExpressionWithFunctionsNumbersAndKeywords_whenRead_thenEachMetricOnce() {
        assertThat(PromQl.metricNames("sum(increase(a_total[3h])) == 0 and on() hour() >= 8 < 17"
                + " or b_seconds offset 1h > 1e3 unless on(instance) group_left(x) c"))
                .containsExactly("a_total", "b_seconds", "c");
    }

    @Test
    void givenAHistogramQuantile_whenRead_thenTheBucketSeries() {
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.5, sum by (le) (rate(invoiceiq_time_to_pay_seconds_bucket[1d])))"))
                .containsExactly("invoiceiq_time_to_pay_seconds_bucket");
    }

    @Test
    void givenABareSelectorWithALabelMatchingAFunctionName_whenRead_thenTheSelectorOnly() {
        assertThat(PromQl.metricNames("up{job=~\".*invoiceiq.*\", rate=\"x\"} == 0")).containsExactly("up");
    }
}
