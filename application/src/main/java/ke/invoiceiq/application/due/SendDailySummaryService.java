package ke.invoiceiq.application.due;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.due.DayCounts;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.export.MoneyInCursor;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The merchant's day in one message, at the configured hour in Nairobi: invoices issued and paid since midnight, the
 * money received (M-PESA, recorded outside it, and M-PESA money still unmatched), and the overdue invoices with what
 * is still owed on them. Once a day however many instances run: the day is claimed ({@link SendSlots#tryOnce},
 * {@code daily-summary:<date>}) in the same unit of work that queues the message, so a failure before the commit
 * leaves the day unclaimed for the next tick. A service that was down at the hour sends it when it is back, the same
 * day; never the day after.
 */
public final class SendDailySummaryService implements SendDailySummaryUseCase {

    /** How long a day's claim is kept: past the end of the day in every time zone, whatever the clocks' skew. */
    static final Duration CLAIM_KEPT = Duration.ofDays(2);
    private static final int PAGE = 500;

    private final InvoiceRepository invoices;
    private final InvoiceStatistics statistics;
    private final MoneyReceived money;
    private final SendSlots slots;
    private final OutboxWriter outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final MerchantSettings merchant;
    private final DueSettings settings;

    public SendDailySummaryService(InvoiceRepository invoices, InvoiceStatistics statistics, MoneyReceived money,
            SendSlots slots, OutboxWriter outbox, Transactions transactions, Clock clock, MerchantSettings merchant,
            DueSettings settings) {
        this.invoices = invoices;
        this.statistics = statistics;
        this.money = money;
        this.slots = slots;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.merchant = merchant;
        this.settings = settings;
    }

    @Override
    public boolean send() {
        if (settings.dailySummaryAt().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        LocalTime at = settings.dailySummaryAt().get();
        if (now.atZone(DueDates.EAST_AFRICA).toLocalTime().isBefore(at)) {
            return false;
        }
        LocalDate today = DueDates.today(now);
        return transactions.inTransaction(() -> {
            if (!slots.tryOnce("daily-summary:" + today, now, CLAIM_KEPT)) {
                return false;
            }
            Instant midnight = today.atStartOfDay(DueDates.EAST_AFRICA).toInstant();
            DayCounts counts = statistics.between(midnight, now);
            Money collected = received(midnight, now);
            OverdueNumbers overdue = OverdueNumbers.of(invoices, today, settings.batchSize());
            String text = DuePhrases.DAILY_SUMMARY.in(merchant.language())
                    .with("business", merchant.businessName())
                    .with("issued", counts.issued())
                    .with("paid", counts.paid())
                    .with("collected", collected.formatted())
                    .with("overdue", overdue.count())
                    .with("overdueAmount", overdue.outstanding().formatted())
                    .text();
            outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(text));
            return true;
        });
    }

    private Money received(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Money.ZERO;
        }
        ExportRange range = new ExportRange(from, to);
        Money total = Money.ZERO;
        Optional<MoneyInCursor> after = Optional.empty();
        while (true) {
            List<MoneyIn> page = money.page(range, after, PAGE);
            for (MoneyIn in : page) {
                total = total.plus(in.amount().orElse(Money.ZERO));
            }
            if (page.size() < PAGE) {
                return total;
            }
            MoneyIn last = page.getLast();
            after = Optional.of(new MoneyInCursor(last.receivedAt(), last.key()));
        }
    }
}
