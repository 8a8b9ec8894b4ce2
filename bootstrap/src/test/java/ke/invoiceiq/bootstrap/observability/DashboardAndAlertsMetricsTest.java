package ke.invoiceiq.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.bootstrap.testing.Scrape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ({@code deploy/grafana/invoiceiq.json}) and the alert rules
 * ({@code deploy/prometheus/alerts.yml}) query only metrics this service exports: every metric name in every
 * {@code expr} is a sample name of the running service's Prometheus scrape (the registry's own, not HTTP, so the
 * port of {@code /q/metrics} does not matter). Every business series exists at zero from start-up; the HTTP
 * server's appear with the first request, which {@link #aRequestWasServed()} makes.
 */
@QuarkusTest
class DashboardAndAlertsMetricsTest {

    /** Series Prometheus writes itself for every target, not the service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern EXPR_LINE = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);

    @Inject
    PrometheusMeterRegistry registry;

    @BeforeEach
    void aRequestWasServed() {
        given().when().get("/no-such-page").then().statusCode(404);
    }

    @Test
    void givenTheDashboard_whenEveryQueryIsRead_thenEachMetricItNamesIsExported() throws IOException {
        List<String> exprs = dashboardExprs(Files.readString(repository().resolve("deploy/grafana/invoiceiq.json")));

        Set<String> names = metricNames(exprs);

        assertThat(exprs).hasSizeGreaterThanOrEqualTo(15);
        assertThat(names).contains("invoiceiq_invoices_created_total", "invoiceiq_payments_total",
                "invoiceiq_messages_sent_total", "invoiceiq_webhook_backlog_age_seconds",
                "invoiceiq_unmatched_payments_open", "invoiceiq_outbox_pending", "invoiceiq_outbox_oldest_age_seconds");
        assertThat(notExported(names)).as("metrics the dashboard queries that the service does not export")
                .isEmpty();
    }

    @Test
    void givenTheAlertRules_whenEveryExpressionIsRead_thenEachMetricTheyNameIsExported() throws IOException {
        List<String> exprs = alertExprs(Files.readString(repository().resolve("deploy/prometheus/alerts.yml")));

        Set<String> names = metricNames(exprs);

        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
        assertThat(names).contains("invoiceiq_invoices_delivery_failed_total", "invoiceiq_inbound_given_up_total");
        assertThat(notExported(names)).as("metrics the alert rules query that the service does not export")
                .isEmpty();
    }

    /** The check can fail: a panel querying a metric the service never exports is reported, and only that one. */
    @Test
    void givenADashboardWithAPanelOnAMetricNeverExported_whenChecked_thenThatMetricIsReported() throws IOException {
        String planted = """
                {"panels": [{"type": "row", "panels": [
                  {"targets": [{"expr": "sum(increase(invoiceiq_invoices_paid_total[1h]))"}]},
                  {"targets": [{"expr": "sum by (channel) (rate(invoiceiq_invoices_refunded_total[5m]))"}]}]}]}
                """;

        Set<String> names = metricNames(dashboardExprs(planted));

        assertThat(names).containsExactly("invoiceiq_invoices_paid_total", "invoiceiq_invoices_refunded_total");
        assertThat(notExported(names)).containsExactly("invoiceiq_invoices_refunded_total");
    }

    private Set<String> notExported(Collection<String> names) {
        List<String> exported = Scrape.of(registry.scrape()).names();
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(exported);
        missing.removeAll(PROMETHEUS_OWN);
        return missing;
    }

    /** Each expression must name a metric: one read wrongly (quoted, folded over lines) would check nothing. */
    private static Set<String> metricNames(List<String> exprs) {
        Set<String> names = new TreeSet<>();
        for (String expr : exprs) {
            Set<String> read = PromQl.metricNames(expr);
            assertThat(read).as("the metrics of %s", expr).isNotEmpty();
            names.addAll(read);
        }
        return names;
    }

    /** Every {@code expr} anywhere in the dashboard (panels, panels inside rows, targets); fails on invalid JSON. */
    private static List<String> dashboardExprs(String json) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(json);
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> exprs.add(expr.asText()));
        return exprs;
    }

    /** The rule file keeps each expression on one {@code expr:} line (its header says so). */
    private static List<String> alertExprs(String yaml) {
        List<String> exprs = new ArrayList<>();
        Matcher m = EXPR_LINE.matcher(yaml);
        while (m.find()) {
            exprs.add(m.group(1).strip());
        }
        return exprs;
    }

    /** The repository's root: the tests run in {@code bootstrap/}, Maven's module directory. */
    private static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }
}
