package ke.invoiceiq.bootstrap.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.time.LocalTime;
import java.util.Optional;
import ke.invoiceiq.application.chat.ChatExpirySettings;
import ke.invoiceiq.application.due.DueSettings;
import ke.invoiceiq.domain.due.ReminderSchedule;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.chat.ChatMachine.ChatTimeouts;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Pacing;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.TillMatching;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * Turns {@link InvoiceIqConfig} into the plain settings records the use cases take, so the core never reads a
 * configuration key. Each producer is {@link Startup}: a bad value stops the application at boot, with a
 * message that names the key, instead of failing the first request that needs it. Messages never repeat a
 * phone number.
 */
@ApplicationScoped
public class SettingsProducers {

    static final String MERCHANT_NUMBERS = "invoiceiq.merchant.numbers (MERCHANT_MSISDN)";

    @Produces
    @Singleton
    @Startup
    MerchantSettings merchantSettings(InvoiceIqConfig config, MpesaConfig mpesa, SmsConfig sms) {
        Set<Msisdn> numbers = merchantNumbers(config.merchant().numbers());
        Language language = merchantLanguage(config.merchant().language());
        boolean repliesReachUs = sms.repliesReachUs(config.sandbox().enabled() && !sms.configured());
        return build("invoiceiq.merchant.business-name (MERCHANT_NAME) / invoiceiq.base-url (BASE_URL)"
                        + " / mpesa.c2b.paybill (MPESA_C2B_PAYBILL)",
                () -> new MerchantSettings(numbers, config.merchant().businessName().strip(),
                        config.baseUrl().strip(), language, mpesa.c2b().paybill(), repliesReachUs));
    }

    /** {@code en} or {@code sw}; anything else stops the start with the key's name. */
    static Language merchantLanguage(String raw) {
        return build("invoiceiq.merchant.language (MERCHANT_LANGUAGE)", () -> language(raw));
    }

    @Produces
    @Singleton
    @Startup
    LanguageSettings languageSettings(InvoiceIqConfig config) {
        return languages(config.merchant().language(), config.customer().defaultLanguage());
    }

    /** {@code en} or {@code sw}, in any case; anything else stops the startup naming both keys. */
    static LanguageSettings languages(String merchant, String customerDefault) {
        return build("invoiceiq.merchant.language (MERCHANT_LANGUAGE) / invoiceiq.customer.default-language"
                + " (CUSTOMER_DEFAULT_LANGUAGE)", () -> new LanguageSettings(language(merchant),
                language(customerDefault)));
    }

    private static Language language(String tag) {
        String given = tag.strip();
        if (!given.equalsIgnoreCase("en") && !given.equalsIgnoreCase("sw")) {
            throw new IllegalArgumentException("a language is en or sw, not '" + given + "'");
        }
        return Language.fromTag(given).orElseThrow();
    }

    @Produces
    @Singleton
    @Startup
    PaymentSettings paymentSettings(InvoiceIqConfig config) {
        var p = config.payment();
        return build("invoiceiq.payment.*",
                () -> new PaymentSettings(p.cooldown(), p.queryAfter(), p.expireAfter(), p.reconcileBatch(),
                        PaymentSettings.MAX_QUERY_BACKOFF, p.matchWindow(), p.reconcileLease()));
    }

    /** The C2B confirmation path; the callback token follows it. */
    static final String C2B_CONFIRMATION_PATH = "/payments/c2b/confirmation/";
    /** The C2B validation path; the callback token follows it. */
    static final String C2B_VALIDATION_PATH = "/payments/c2b/validation/";

    @Produces
    @Singleton
    @Startup
    C2bSettings c2bSettings(InvoiceIqConfig config, MpesaConfig mpesa) {
        var c = mpesa.c2b();
        return c2b(c.paybill(), c.till(), c.validation(), c.responseType(), c.tillMatchWindow(), config.baseUrl(),
                mpesa.callbackToken().map(SecretValue::reveal));
    }

    /**
     * The C2B settings: off unless a Paybill or Till is set; the public URLs are {@code BASE_URL} followed by the
     * C2B paths and the M-PESA callback token, when both are known.
     */
    static C2bSettings c2b(Optional<String> paybill, Optional<String> till, boolean validation, String responseType,
            java.time.Duration tillMatchWindow, String baseUrl, Optional<String> callbackToken) {
        return build("mpesa.c2b.* (MPESA_C2B_*)", () -> {
            Optional<String> token = callbackToken.map(String::strip).filter(t -> !t.isEmpty());
            String base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
            Optional<String> known = base.isEmpty() ? Optional.empty() : token;
            return new C2bSettings(paybill, till, validation, new TillMatching(tillMatchWindow),
                    whenUnreachable(responseType), known.map(t -> base + C2B_CONFIRMATION_PATH + t),
                    known.map(t -> base + C2B_VALIDATION_PATH + t), C2bSettings.OFF.sweepBatch());
        });
    }

    static C2bRegistration.WhenUnreachable whenUnreachable(String responseType) {
        return switch (responseType.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "completed" -> C2bRegistration.WhenUnreachable.COMPLETED;
            case "cancelled" -> C2bRegistration.WhenUnreachable.CANCELLED;
            default -> throw new IllegalArgumentException("response-type must be Completed or Cancelled");
        };
    }

    @Produces
    @Singleton
    @Startup
    DispatchSettings dispatchSettings(InvoiceIqConfig config, WhatsAppConfig whatsApp) {
        var d = config.dispatch();
        return build("invoiceiq.dispatch.* / waba.pair-interval (WABA_PAIR_INTERVAL) / waba.throughput"
                + " (WABA_THROUGHPUT)", () -> new DispatchSettings(d.batchSize(), d.lease(), d.maxAttempts(),
                d.initialBackoff(), d.maxBackoff(), new Pacing(whatsApp.pairInterval(), whatsApp.throughput()),
                d.concurrency()));
    }

    @Produces
    @Singleton
    @Startup
    ReminderPolicy reminderPolicy(InvoiceIqConfig config) {
        var r = config.reminder();
        return build("invoiceiq.reminder.*", () -> new ReminderPolicy(r.minInterval(), r.maxReminders()));
    }

    @Produces
    @Singleton
    @Startup
    DueSettings dueSettings(InvoiceIqConfig config) {
        var r = config.reminder();
        return build("invoiceiq.invoice.default-terms-days / invoiceiq.reminder.auto-days / invoiceiq.reminder.send-from"
                + " / invoiceiq.reminder.send-until / invoiceiq.daily-summary.at", () -> {
                    String at = config.dailySummary().at().strip();
                    Optional<LocalTime> summaryAt = at.equalsIgnoreCase("off") ? Optional.empty()
                            : Optional.of(time(at));
                    return new DueSettings(config.invoice().defaultTermsDays(),
                            new ReminderSchedule(r.autoDays(), time(r.sendFrom()), time(r.sendUntil())), summaryAt,
                            DueSettings.DEFAULT.batchSize());
                });
    }

    private static LocalTime time(String raw) {
        try {
            return LocalTime.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a time of day is written HH:mm, e.g. 08:00, not " + raw.strip());
        }
    }

    @Produces
    @Singleton
    @Startup
    ChatExpirySettings chatExpirySettings(InvoiceIqConfig config) {
        var c = config.chat();
        return build("invoiceiq.chat.*", () -> new ChatExpirySettings(
                new ChatTimeouts(c.nudgeAfter(), c.closeAfter()), c.expiryBatch()));
    }

    @Produces
    @Singleton
    @Startup
    RetentionSettings retentionSettings(InvoiceIqConfig config) {
        var r = config.retention();
        return build("invoiceiq.retention.*", () -> new RetentionSettings(r.inboundEvents(), r.outbox(),
                r.paymentResults(), r.messageLog(), r.chatSessions(), r.contacts(), r.batchSize()));
    }

    /**
     * Parses the configured staff numbers. A bad entry fails with its position and the expected form, never
     * with the value itself (it may be a real person's number).
     */
    static Set<Msisdn> merchantNumbers(List<String> raw) {
        List<String> entries = raw == null ? List.of()
                : raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw new InvalidSettingException(MERCHANT_NUMBERS + " is empty: give at least one staff number, "
                    + "e.g. 2547XXXXXXXX.");
        }
        var numbers = new LinkedHashSet<Msisdn>();
        for (int i = 0; i < entries.size(); i++) {
            switch (Msisdn.parse(entries.get(i))) {
                case Parsed.Ok<Msisdn> ok -> numbers.add(ok.value());
                case Parsed.Rejected<Msisdn> rejected -> throw new InvalidSettingException(MERCHANT_NUMBERS
                        + ": entry " + (i + 1) + " of " + entries.size()
                        + " is not a Kenyan M-PESA number (value not shown). " + rejected.error().message());
            }
        }
        return Set.copyOf(numbers);
    }

    private static <T> T build(String keys, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingException(keys + ": " + e.getMessage());
        }
    }

    /** A configuration value the application cannot run with; thrown at startup. */
    public static final class InvalidSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InvalidSettingException(String message) {
            super("Invalid setting " + message);
        }
    }
}
