package ke.invoiceiq.adapters.http.api;

import ke.invoiceiq.application.due.OverdueNumbers;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.StatsSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The merchant's numbers. */
@RegisterForReflection
@Schema(name = "StatsSummary", description = "Counts by status, conversion and time to pay, over every invoice.")
public record StatsJson(
        @Schema(examples = "42") long total,
        @JsonProperty("by_status") @Schema(description = "Invoices per status; every status is present.")
        Map<String, Long> byStatus,
        @Schema(description = "Invoices that ever reached the customer.", examples = "40") long sent,
        @Schema(description = "Invoices paid.", examples = "30") long paid,
        @Schema(description = "paid / sent, 0 when nothing was sent.", examples = "0.75") double conversion,
        @JsonProperty("mean_time_to_pay_seconds") @Schema(nullable = true, description = "From the invoice reaching the "
                + "customer to the payment; null before the first payment.", examples = "754.5")
        Double meanTimeToPaySeconds,
        @JsonProperty("median_time_to_pay_seconds") @Schema(nullable = true, examples = "320.0")
        Double medianTimeToPaySeconds,
        @Schema(description = "Open invoices (not paid, not cancelled) whose due date has passed in Nairobi.",
                examples = "3") long overdue,
        @JsonProperty("overdue_outstanding_cents") @Schema(description = "What is still owed on the overdue "
                + "invoices, in cents.", examples = "750000") long overdueOutstandingCents,
        @JsonProperty("overdue_outstanding_display") @Schema(examples = "KES 7,500") String overdueOutstandingDisplay) {

    static StatsJson of(StatsSummary summary, OverdueNumbers overdue) {
        var counts = new LinkedHashMap<String, Long>();
        for (InvoiceStatus status : InvoiceStatus.values()) {
            counts.put(status.name(), summary.countsByStatus().getOrDefault(status, 0L));
        }
        return new StatsJson(summary.total(), counts, summary.sent(), summary.paid(), summary.conversion(),
                seconds(summary.meanTimeToPay()), seconds(summary.medianTimeToPay()), overdue.count(),
                overdue.outstanding().cents(), overdue.outstanding().display());
    }

    private static Double seconds(Optional<Duration> d) {
        return d.map(x -> x.toMillis() / 1000.0).orElse(null);
    }
}
