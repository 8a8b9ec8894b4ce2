package ke.invoiceiq.application.payment;

import java.time.Duration;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.PaymentPhrases;
import ke.invoiceiq.domain.copy.Phrase;
import ke.invoiceiq.domain.copy.ReasonPhrases;
import ke.invoiceiq.domain.payment.StkReason;

/**
 * Why an M-PESA prompt ended, in the reader's language: {@link StkReason}'s plain reason and customer sentence, from
 * {@link ReasonPhrases}. In English they are the reason's own words (ReasonWordsTest holds them equal).
 */
public final class ReasonWords {

    private ReasonWords() {
    }

    /** The short reason both sides see on a failure: "insufficient M-PESA balance". */
    public static String plainReason(StkReason reason, Language language) {
        return phrases(reason)[0].text(language);
    }

    /** What the payer reads; a reason that makes the customer wait names {@code cooldown} in minutes. */
    public static String customerSentence(StkReason reason, Duration cooldown, Language language) {
        ReasonPhrases sentence = phrases(reason)[1];
        if (!Phrase.placeholders(sentence.text(language)).contains("wait")) {
            return sentence.text(language);
        }
        return sentence.in(language).with("wait", minutes(cooldown, language)).text();
    }

    /** "1 minute", "3 minutes"; rounded up, at least one. */
    public static String minutes(Duration wait, Language language) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? PaymentPhrases.MINUTE.text(language)
                : PaymentPhrases.MINUTES.in(language).with("n", minutes).text();
    }

    private static ReasonPhrases[] phrases(StkReason reason) {
        return switch (reason) {
            case PAID -> pair(ReasonPhrases.PAID_REASON, ReasonPhrases.PAID_SENTENCE);
            case INSUFFICIENT_FUNDS -> pair(ReasonPhrases.INSUFFICIENT_FUNDS_REASON,
                    ReasonPhrases.INSUFFICIENT_FUNDS_SENTENCE);
            case RULE_LIMITED -> pair(ReasonPhrases.RULE_LIMITED_REASON, ReasonPhrases.RULE_LIMITED_SENTENCE);
            case SUBSCRIBER_BUSY -> pair(ReasonPhrases.SUBSCRIBER_BUSY_REASON, ReasonPhrases.SUBSCRIBER_BUSY_SENTENCE);
            case EXPIRED -> pair(ReasonPhrases.EXPIRED_REASON, ReasonPhrases.EXPIRED_SENTENCE);
            case PUSH_ERROR -> pair(ReasonPhrases.PUSH_ERROR_REASON, ReasonPhrases.PUSH_ERROR_SENTENCE);
            case CANCELLED_BY_USER -> pair(ReasonPhrases.CANCELLED_BY_USER_REASON,
                    ReasonPhrases.CANCELLED_BY_USER_SENTENCE);
            case PHONE_UNREACHABLE -> pair(ReasonPhrases.PHONE_UNREACHABLE_REASON,
                    ReasonPhrases.PHONE_UNREACHABLE_SENTENCE);
            case WRONG_PIN -> pair(ReasonPhrases.WRONG_PIN_REASON, ReasonPhrases.WRONG_PIN_SENTENCE);
            case GENERIC_FAILURE, OTHER -> pair(ReasonPhrases.GENERIC_FAILURE_REASON,
                    ReasonPhrases.GENERIC_FAILURE_SENTENCE);
            case UNAVAILABLE -> pair(ReasonPhrases.UNAVAILABLE_REASON, ReasonPhrases.UNAVAILABLE_SENTENCE);
            case REJECTED -> pair(ReasonPhrases.REJECTED_REASON, ReasonPhrases.REJECTED_SENTENCE);
            case NO_ANSWER -> pair(ReasonPhrases.NO_ANSWER_REASON, ReasonPhrases.NO_ANSWER_SENTENCE);
        };
    }

    private static ReasonPhrases[] pair(ReasonPhrases reason, ReasonPhrases sentence) {
        return new ReasonPhrases[] {reason, sentence};
    }
}
