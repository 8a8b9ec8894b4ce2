package ke.invoiceiq.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "sent to 254712345678              | sent to 2547****5678",
            "sent to +254712345678             | sent to +2547****5678",
            "sent to 0712345678                | sent to 07****5678",
            "Safaricom 254110345678 and 254799000111 | Safaricom 2541****5678 and 2547****0111",
            "payer=254712345678,amount=10      | payer=2547****5678,amount=10",
            "already masked 2547****5678       | already masked 2547****5678",
            "epoch 1732254712345678 is no phone | epoch 1732254712345678 is no phone",
            "2547123456789 has a digit too many | 2547123456789 has a digit too many",
            "a landline 254202345678 stays      | a landline 254202345678 stays",
            "invoice INV-7K3Q9D for KES 2,500  | invoice INV-7K3Q9D for KES 2,500",
    })
    void givenText_whenMasked_thenEveryKenyanMobileNumberIsMaskedAndNothingElse(String text, String masked) {
        assertThat(PhoneNumbers.mask(text)).isEqualTo(masked);
    }

    @Test
    void givenARecordWithANumberInItsParameters_whenFiltered_thenTheFormattedMessageIsMasked() {
        var record = new ExtLogRecord(Level.INFO, "sending to %s", ExtLogRecord.FormatStyle.PRINTF,
                PhoneNumbersTest.class.getName());
        record.setParameters(new Object[] {"254712345678"});

        boolean loggable = new PhoneNumberMaskingFilter().isLoggable(record);

        assertThat(loggable).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("sending to 2547****5678");
    }
}
