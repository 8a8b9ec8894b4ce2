package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.ApiDocs.PROBLEM;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import ke.invoiceiq.adapters.http.api.FieldViolation.Rule;
import ke.invoiceiq.application.export.ExportInvoicesUseCase;
import ke.invoiceiq.application.export.ExportPaymentsUseCase;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/export/invoices.csv} and {@code /admin/export/payments.csv}: the merchant's books for a date range,
 * streamed as RFC 4180 CSV ({@link Csv}) while {@link ExportInvoicesUseCase} pages through the invoices, or
 * {@link ExportPaymentsUseCase} through the money received ({@link MoneyInCsv}), so no range is ever held whole.
 */
@Path("/admin/export")
@AdminApi
@Tag(name = "Admin")
@SecurityRequirement(name = ApiDocs.BEARER)
@APIResponse(responseCode = "401", description = "No, or a wrong, API key.",
        headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Bearer realm=\"invoiceiq\"",
                schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                examples = @ExampleObject(name = "unauthorized", value = ApiDocs.UNAUTHORIZED)))
public class ExportResource {

    static final String CSV = "text/csv; charset=utf-8";

    static final List<String> COLUMNS = List.of("invoice_id", "created_at", "status", "customer_msisdn",
            "customer_name", "description", "currency", "amount", "paid_mpesa", "paid_outside", "paid_outside_method",
            "balance", "mpesa_receipts", "sent_at", "paid_at", "cancelled_at");

    private final ExportInvoicesUseCase export;
    private final ExportPaymentsUseCase payments;

    @Inject
    public ExportResource(ExportInvoicesUseCase export, ExportPaymentsUseCase payments) {
        this.export = export;
        this.payments = payments;
    }

    @GET
    @Path("invoices.csv")
    @Operation(summary = "Export invoices and what was paid for them, as CSV",
            description = """
                    One row per invoice created from `from` (included) to `to` (excluded), newest first, streamed \
                    as RFC 4180 CSV (UTF-8, CRLF, a header row): the customer's full number (the merchant's books \
                    need it), name, description, the amount and what was paid, by M-PESA (`paid_mpesa`, with \
                    `mpesa_receipts`) and outside it (`paid_outside`, `paid_outside_method`), the balance, and the \
                    times. Money is a decimal with a `currency` column (KES); times are ISO-8601 UTC. `from` and \
                    `to` are ISO-8601 instants (`2026-01-01T00:00:00Z`) or dates (`2026-01-01`, midnight UTC); \
                    the range is at most 366 days. Free text that a spreadsheet would read as a formula (starting \
                    with `=`, `+`, `-`, `@`) is written with a leading `'`.""")
    @APIResponse(responseCode = "200", description = "The CSV.",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two invoices", value = ApiDocs.EXPORT_CSV)))
    @APIResponse(responseCode = "400", description = "`from` or `to` is missing or not a time, or the range is "
            + "backwards or over 366 days.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "range too long", value = ApiDocs.BAD_RANGE)))
    @Audited(AdminAction.EXPORT_INVOICES)
    public Response invoices(
            @Parameter(description = "The first creation time included.", in = ParameterIn.QUERY, required = true,
                    example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "The first creation time excluded.", in = ParameterIn.QUERY, required = true,
                    example = "2026-02-01") @QueryParam("to") String to) {
        ExportRange range = range(from, to);
        return csv("invoices", from, to, COLUMNS, line -> export.export(range, invoice -> line.accept(row(invoice))));
    }

    @GET
    @Path("payments.csv")
    @Operation(summary = "Export the money received, as CSV",
            description = """
                    One row per money received from `from` (included) to `to` (excluded), by when it was \
                    received, oldest first, whenever its invoice was created; streamed as the invoices export is \
                    (RFC 4180, UTF-8, CRLF, a header row; money a decimal with a `currency` column; times \
                    ISO-8601 UTC; the same `from` and `to`, at most 366 days). `source` says where it came from: \
                    `MPESA`, a successful M-PESA payment of `invoice_id` (with its `mpesa_receipt` and the payer's \
                    full number, which the merchant's books need; also money that matched no attempt and was \
                    applied to that invoice since), `OUTSIDE`, money recorded outside M-PESA (`mark-paid`, with \
                    its `paid_outside_method`; its note is not exported), or `MPESA_UNMATCHED`, M-PESA money that \
                    matched no invoice and is not applied yet (no `invoice_id`; `amount` empty when M-PESA did \
                    not say it). `received_at` is M-PESA's transaction time when it said it, else when the service \
                    recorded the money. Every field is written by the service (no free text), so none needs the \
                    formula guard; the writer applies it as to the invoices export.""")
    @APIResponse(responseCode = "200", description = "The CSV.",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "three kinds of money", value = ApiDocs.EXPORT_PAYMENTS_CSV)))
    @APIResponse(responseCode = "400", description = "`from` or `to` is missing or not a time, or the range is "
            + "backwards or over 366 days.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemJson.class),
                    examples = @ExampleObject(name = "range too long", value = ApiDocs.BAD_RANGE)))
    @Audited(AdminAction.EXPORT_PAYMENTS)
    public Response payments(
            @Parameter(description = "The first time of receipt included.", in = ParameterIn.QUERY, required = true,
                    example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "The first time of receipt excluded.", in = ParameterIn.QUERY, required = true,
                    example = "2026-02-01") @QueryParam("to") String to) {
        ExportRange range = range(from, to);
        return csv("payments", from, to, MoneyInCsv.COLUMNS,
                line -> payments.export(range, money -> line.accept(MoneyInCsv.row(money))));
    }

    /**
     * A CSV download named after the export and its range, written as {@code walk} hands over its rows: the header
     * first, then each row as it comes.
     */
    private static Response csv(String export, String from, String to, List<String> columns,
            Consumer<Consumer<List<String>>> walk) {
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(Csv.line(columns));
            try {
                walk.accept(fields -> write(writer, fields));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        String name = export + "-" + from.strip() + "-" + to.strip() + ".csv";
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name.replace(':', '-') + "\"")
                .build();
    }

    static List<String> row(Invoice invoice) {
        List<PaidOutside> outside = invoice.paidOutside();
        return List.of(
                Csv.plain(invoice.id().value()),
                Csv.plain(invoice.createdAt().toString()),
                Csv.plain(invoice.status().name()),
                Csv.plain(invoice.customer().msisdn().value()),
                Csv.text(invoice.customer().name().map(CustomerName::value).orElse(null)),
                Csv.text(invoice.description().value()),
                Csv.plain(Amount.CURRENCY),
                Csv.plain(decimal(Money.of(invoice.amount()))),
                Csv.plain(decimal(invoice.paid())),
                Csv.plain(decimal(invoice.paidOutsideTotal())),
                Csv.plain(outside.isEmpty() ? null : outside.stream().map(o -> o.method().name()).distinct()
                        .collect(Collectors.joining(" "))),
                Csv.plain(decimal(invoice.balance())),
                Csv.plain(invoice.receipts().stream().map(MpesaReceipt::value).collect(Collectors.joining(" "))),
                Csv.plain(InvoiceJson.time(invoice.sentAt())),
                Csv.plain(InvoiceJson.time(invoice.paidAt())),
                Csv.plain(InvoiceJson.time(invoice.cancelledAt())));
    }

    /** Shillings with two decimals, {@code 2500.00}: no grouping, a dot, as every spreadsheet reads it. */
    static String decimal(Money money) {
        return BigDecimal.valueOf(money.cents(), 2).toPlainString();
    }

    private static void write(Writer writer, List<String> fields) {
        try {
            writer.write(Csv.line(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExportRange range(String from, String to) {
        var errors = new ArrayList<FieldViolation>();
        Optional<Instant> start = time("from", from, errors);
        Optional<Instant> end = time("to", to, errors);
        if (start.isPresent() && end.isPresent()) {
            ExportRange.problem(start.get(), end.get()).ifPresent(problem -> errors.add(switch (problem) {
                case NOT_AFTER -> new FieldViolation("to", Rule.MIN, "to must be after from.");
                case TOO_LONG -> new FieldViolation("to", Rule.MAX, "An export covers at most "
                        + ExportRange.MAX_SPAN.toDays() + " days; split the range.");
            }));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblemException(Problems.validation(errors));
        }
        return new ExportRange(start.orElseThrow(), end.orElseThrow());
    }

    private static Optional<Instant> time(String field, String raw, List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldViolation(field, Rule.REQUIRED, "Required: a date (2026-01-01) or an ISO-8601 "
                    + "instant (2026-01-01T00:00:00Z)."));
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            return Optional.of(s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(s));
        } catch (DateTimeException e) {
            errors.add(new FieldViolation(field, Rule.FORMAT, field + " must be a date (2026-01-01) or an ISO-8601 "
                    + "instant in UTC (2026-01-01T00:00:00Z)."));
            return Optional.empty();
        }
    }
}
