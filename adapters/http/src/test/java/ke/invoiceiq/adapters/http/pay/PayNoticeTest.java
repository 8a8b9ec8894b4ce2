package ke.invoiceiq.adapters.http.pay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PayNoticeTest {

    @ParameterizedTest
    @EnumSource(PayNotice.class)
    void everyFlagReadsBackAsItself(PayNotice notice) {
        assertThat(PayNotice.parse(notice.code())).isEqualTo(notice);
    }

    @Test
    void anUnknownOrMissingFlagIsNone() {
        assertThat(PayNotice.parse(null)).isEqualTo(PayNotice.NONE);
        assertThat(PayNotice.parse("")).isEqualTo(PayNotice.NONE);
        assertThat(PayNotice.parse("SENT")).isEqualTo(PayNotice.NONE);
        assertThat(PayNotice.parse("<b>")).isEqualTo(PayNotice.NONE);
    }
}
