package ke.invoiceiq.application.wiring;

import java.util.Objects;
import ke.invoiceiq.application.chat.ChatExpirySettings;
import ke.invoiceiq.application.due.DueSettings;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.ReminderPolicy;

/**
 * Every setting the use cases read, each already validated by its own record: the other half of what {@link Core}
 * is built from.
 */
public record CoreSettings(
        MerchantSettings merchant,
        PaymentSettings payment,
        DispatchSettings dispatch,
        RetentionSettings retention,
        ChatExpirySettings chatExpiry,
        ReminderPolicy reminders,
        LanguageSettings languages,
        DueSettings due) {

    public CoreSettings {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(chatExpiry, "chatExpiry");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(due, "due");
    }

    /** Every setting but the languages and the due dates, which then have their defaults. */
    public CoreSettings(MerchantSettings merchant, PaymentSettings payment, DispatchSettings dispatch,
            RetentionSettings retention, ChatExpirySettings chatExpiry, ReminderPolicy reminders) {
        this(merchant, payment, dispatch, retention, chatExpiry, reminders, LanguageSettings.DEFAULT,
                DueSettings.DEFAULT);
    }

    /** Every setting but the due dates ({@link DueSettings#DEFAULT}). */
    public CoreSettings(MerchantSettings merchant, PaymentSettings payment, DispatchSettings dispatch,
            RetentionSettings retention, ChatExpirySettings chatExpiry, ReminderPolicy reminders,
            LanguageSettings languages) {
        this(merchant, payment, dispatch, retention, chatExpiry, reminders, languages, DueSettings.DEFAULT);
    }

    /** Every setting but the languages ({@link LanguageSettings#DEFAULT}). */
    public CoreSettings(MerchantSettings merchant, PaymentSettings payment, DispatchSettings dispatch,
            RetentionSettings retention, ChatExpirySettings chatExpiry, ReminderPolicy reminders, DueSettings due) {
        this(merchant, payment, dispatch, retention, chatExpiry, reminders, LanguageSettings.DEFAULT, due);
    }

    /** The defaults of every record, for a merchant: what a test runs with unless it needs another value. */
    public static CoreSettings defaults(MerchantSettings merchant) {
        return new CoreSettings(merchant, PaymentSettings.DEFAULT, DispatchSettings.DEFAULT,
                RetentionSettings.DEFAULT, ChatExpirySettings.DEFAULT, ReminderPolicy.DEFAULT);
    }
}
