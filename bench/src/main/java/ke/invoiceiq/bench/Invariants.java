package ke.invoiceiq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The soak's invariants, checked once the run is quiet (or the drain timed out), from the database (SQL) and the
 * providers' request logs, each printed with its numbers and up to {@value #EXAMPLES} examples. docs/benchmarks.md
 * explains each.
 *
 * <p>What a provider "delivered": WhatsApp accepted the send (200 with a wamid) and, for a person whose messages
 * Meta reports failed ({@link Population.WhatsApp#STATUS_FAILS}), nothing; Africa's Talking accepted the SMS and its
 * delivery report is not {@code Failed}. A send whose answer never reached the service (the stand-in answered after
 * the caller's time-out) or that the killed instance made just before the SIGKILL is <i>unknowable</i> to the service:
 * sending it again is counted, not failed.
 */
final class Invariants {

    static final int EXAMPLES = 8;
    /**
     * A send the killed instance had in flight at the SIGKILL, or whose answer it got at most this long before it, may
     * never have been recorded: the dispatcher records each send right after its answer.
     */
    static final long CRASH_WINDOW_MS = 5_000;

    /**
     * How a merchant notice is recognised in what a staff number received, one invoice id at a time. A digest that
     * coalesces several ("5 invoices sent: #INV-… KES …") counts once for each invoice it names.
     */
    static final Pattern SENT_NOTICE = Pattern.compile("(?i)(\\bsent to \\+?\\d|invoices? sent\\b)");
    static final Pattern PAID_NOTICE = Pattern.compile("(?i)(\\bpaid\\s*(✔|:|-|—)|\\binvoices? paid\\b)");
    /**
     * Where one notice ends and the next begins inside a message: a line break, or a " - " bullet after the end of a
     * sentence (a digest squeezed onto one line, as a template variable must be).
     */
    static final Pattern ITEM_BREAK = Pattern.compile("\\R|(?<=[.!?:])\\s+-\\s+");

    private final Soak soak;
    private final StringBuilder out = new StringBuilder();
    private boolean held = true;
    private int failures;

    private List<Map<String, Object>> invoices;
    private List<Map<String, Object>> outbox;
    private List<Map<String, Object>> payments;
    private List<Map<String, Object>> unmatched;
    private Set<String> claimed;
    private List<Providers.Send> sends;
    private List<Providers.Push> pushes;
    private List<Providers.Charge> charges;

    Invariants(Soak soak) {
        this.soak = soak;
    }

    String report() {
        return out.toString();
    }

    /** Runs every check and prints it; true when every invariant holds. */
    boolean check() throws SQLException {
        Db db = soak.db;
        invoices = db.rows("""
                SELECT id, msisdn, status, delivery_channel, sent_at IS NOT NULL AS was_sent, amount_cents,
                       amount_paid_cents, description FROM invoices""");
        // to_jsonb: coalesced_into exists only where the service coalesces notices into digests (null otherwise)
        outbox = db.rows("""
                SELECT id, recipient_msisdn, purpose, invoice_id, channel, status, attempts, provider_message_id,
                       last_error, to_jsonb(o) ->> 'coalesced_into' AS coalesced_into FROM outbox o""");
        payments = db.rows("""
                SELECT id, invoice_id, status, checkout_request_id, mpesa_receipt, result_code FROM payments""");
        unmatched = db.rows("SELECT id, checkout_request_id, mpesa_receipt, status FROM unmatched_payments");
        claimed = db.rows("SELECT provider, event_id FROM inbound_events").stream()
                .map(r -> r.get("provider") + "/" + r.get("event_id")).collect(Collectors.toSet());
        sends = soak.providers.sendsSnapshot();
        pushes = soak.providers.pushesSnapshot();
        charges = soak.providers.chargesSnapshot();

        print("");
        print("== Soak invariants: seed %d, %d s at %.1f invoices/s, instance %s SIGKILLed at %s, Graph outage %d s",
                soak.seed, soak.durationSeconds, soak.rate, soak.killedPrefix,
                soak.killedAt < 0 ? "never" : (soak.killedAt - soak.loadStart) / 1000 + " s",
                soak.outageSeconds);
        print("   service settings: %s; the killed instance was back after %s", soak.serviceOverrides.isEmpty()
                ? "production defaults" : soak.serviceOverrides, soak.restartedAt < 0 ? "-"
                : (soak.restartedAt - soak.killedAt) / 1000 + " s");
        print("   %d invoices in the database; %d provider sends (%d accepted), %d STK pushes, %d M-PESA charges",
                invoices.size(), sends.size(), sends.stream().filter(Providers.Send::accepted).count(), pushes.size(),
                charges.size());
        quiescence();
        commands();
        inboundTakenIn();
        invoicesDelivered();
        merchantNotices();
        noMessageSentTwice();
        noPaymentChargedTwice();
        everySuccessApplied();
        information();
        print("");
        print(held ? "== ALL INVARIANTS HOLD" : "== %d INVARIANT(S) FAILED", failures);
        return held;
    }

    // ---- printing ----------------------------------------------------------------------------------------------

    private void print(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.println(line);
        out.append(line).append('\n');
    }

    private void verdict(boolean ok, String name, String numbers) {
        if (!ok) {
            held = false;
            failures++;
        }
        print("%s %s: %s", ok ? "[PASS]" : "[FAIL]", name, numbers);
    }

    private void examples(String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        print("       %s (%d)%s", label, items.size(), items.size() > EXAMPLES ? ", first " + EXAMPLES : "");
        for (String item : items.subList(0, Math.min(EXAMPLES, items.size()))) {
            print("         - %s", item);
        }
    }

    private static String s(Object o) {
        return o == null ? "-" : o.toString();
    }

    // ---- I0 -------------------------------------------------------------------------------------------------

    private void quiescence() {
        if (soak.killedAt > 0 && soak.restartedAt < 0) {
            verdict(false, "I0 quiescence", "instance " + soak.killedPrefix + " did not come back after the SIGKILL");
        } else if (soak.quiescentAt > 0) {
            verdict(true, "I0 quiescence", "nothing left in flight %d s after the load ended (drain timeout %d s)"
                    .formatted((soak.quiescentAt - soak.loadEnd) / 1000, soak.drainTimeoutSeconds));
        } else {
            verdict(false, "I0 quiescence", ("still in flight %d s after the load ended: %s (the checks below count "
                    + "what is still pending as not done)").formatted(soak.drainTimeoutSeconds, soak.notQuiet));
        }
    }

    // ---- I1 -------------------------------------------------------------------------------------------------

    private void commands() {
        Map<String, List<Map<String, Object>>> byDescription = invoices.stream()
                .collect(Collectors.groupingBy(i -> s(i.get("description"))));
        int acked = 0;
        int once = 0;
        int whatsapp = 0;
        int rest = 0;
        List<String> lost = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> unacknowledged = new ArrayList<>();
        List<Soak.Command> all;
        synchronized (soak.commands) {
            all = List.copyOf(soak.commands);
        }
        for (Soak.Command c : all) {
            if (!c.acknowledged) {
                unacknowledged.add(c.description + " (" + c.via + ", " + c.id + ", last answer " + c.answer + ")");
                continue;
            }
            acked++;
            if (c.via.equals("whatsapp")) {
                whatsapp++;
            } else {
                rest++;
            }
            List<Map<String, Object>> made = byDescription.getOrDefault(c.description, List.of());
            if (made.size() == 1) {
                once++;
            } else if (made.isEmpty()) {
                String fate = c.via.equals("whatsapp")
                        ? claimed.contains("whatsapp/" + c.id) ? "claimed (de-duplication mark) but no invoice"
                                : "never claimed"
                        : "REST answered " + c.answer + " but no invoice";
                lost.add(c.description + " (" + c.id + "): " + fate);
            } else {
                twice.add(c.description + " (" + c.id + "): " + made.size() + " invoices "
                        + made.stream().map(i -> s(i.get("id"))).toList());
            }
        }
        verdict(lost.isEmpty() && twice.isEmpty(), "I1 every acknowledged command handled exactly once",
                "%d acknowledged (%d WhatsApp commands, %d REST creates with Idempotency-Key): %d made exactly one "
                        .formatted(acked, whatsapp, rest, once)
                        + "invoice, %d none, %d more than one; %d never acknowledged (not counted)"
                        .formatted(lost.size(), twice.size(), unacknowledged.size()));
        examples("no invoice", lost);
        examples("more than one invoice", twice);
        examples("never acknowledged", unacknowledged);
    }

    private void inboundTakenIn() {
        List<Soak.Inbound> all;
        synchronized (soak.inbound) {
            all = List.copyOf(soak.inbound);
        }
        int acked = 0;
        Map<String, Integer> byWhat = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (Soak.Inbound m : all) {
            if (!m.acknowledged) {
                continue;
            }
            acked++;
            byWhat.merge(m.what, 1, Integer::sum);
            if (!claimed.contains(m.provider + "/" + m.id)) {
                missing.add(m.what + " from " + m.from + " (" + m.provider + " " + m.id + ")");
            }
        }
        verdict(missing.isEmpty(), "I1b every acknowledged inbound message taken in",
                "%d acknowledged %s; %d with no trace in inbound_events (acknowledged, never processed)"
                        .formatted(acked, byWhat, missing.size()));
        examples("never processed", missing);
    }

    // ---- I2 -------------------------------------------------------------------------------------------------

    /** Did this send reach its recipient (the stand-ins' word)? */
    private boolean delivered(Providers.Send send) {
        if (!send.accepted()) {
            return false;
        }
        Population.Traits t = soak.population.of(send.to);
        return send.channel.equals("WHATSAPP") ? t.whatsApp() == Population.WhatsApp.OK : !t.smsFails();
    }

    private void invoicesDelivered() {
        Map<String, Set<String>> reached = new HashMap<>();
        for (Providers.Send send : sends) {
            if (delivered(send)) {
                for (String id : send.invoiceIds) {
                    reached.computeIfAbsent(send.to + "/" + id, k -> new HashSet<>()).add(send.channel);
                }
            }
        }
        Map<String, List<String>> invoiceRows = new HashMap<>();
        for (Map<String, Object> row : outbox) {
            if ("INVOICE".equals(row.get("purpose")) && row.get("invoice_id") != null) {
                invoiceRows.computeIfAbsent(s(row.get("invoice_id")), k -> new ArrayList<>()).add(
                        row.get("channel") + " " + row.get("status") + (row.get("last_error") == null ? ""
                                : " (" + row.get("last_error") + ")") + " after " + row.get("attempts") + " tries");
            }
        }
        int ok = 0;
        int failedAsExpected = 0;
        List<String> bad = new ArrayList<>();
        List<String> channelMismatch = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Map<String, Object> invoice : invoices) {
            String id = s(invoice.get("id"));
            String to = s(invoice.get("msisdn"));
            String status = s(invoice.get("status"));
            statuses.merge(status, 1, Integer::sum);
            Population.Traits traits = soak.population.of(to);
            Set<String> channels = reached.getOrDefault(to + "/" + id, Set.of());
            if (traits.unreachable()) {
                if (status.equals("FAILED")) {
                    failedAsExpected++;
                } else {
                    bad.add(id + " to " + to + ": every channel failed (the stand-ins made it so), but it is " + status
                            + "; its outbox rows " + invoiceRows.getOrDefault(id, List.of()));
                }
                continue;
            }
            boolean delivered = !channels.isEmpty();
            if (delivered && (status.equals("SENT") || status.equals("PAID"))) {
                ok++;
                String recorded = s(invoice.get("delivery_channel"));
                if (!channels.contains(recorded)) {
                    channelMismatch.add(id + ": delivery_channel " + recorded + ", reached by " + channels);
                }
            } else if (!delivered) {
                bad.add(id + " to " + to + " (" + traits.whatsApp() + (traits.smsFails() ? ", SMS fails" : "")
                        + "): " + status + ", and no channel delivered it; its outbox rows "
                        + invoiceRows.getOrDefault(id, List.of()));
            } else {
                bad.add(id + " to " + to + ": delivered by " + channels + " but " + status);
            }
        }
        verdict(bad.isEmpty(), "I2 every invoice delivered to its customer",
                "%d invoices %s: %d delivered (SENT/PAID and a channel reached the customer), %d FAILED where the "
                        .formatted(invoices.size(), statuses, ok, failedAsExpected)
                        + "stand-ins made every channel fail, %d not delivered or in the wrong state"
                        .formatted(bad.size()));
        examples("not delivered / wrong state", bad);
        if (!channelMismatch.isEmpty()) {
            print("       info: %d delivered invoices record a delivery_channel that did not reach the customer",
                    channelMismatch.size());
            examples("delivery_channel disagrees", channelMismatch);
        }
    }

    // ---- I3 -------------------------------------------------------------------------------------------------

    private void merchantNotices() {
        // what each staff number received, per invoice and kind of notice, one line (or digest item) at a time
        Map<String, List<Providers.Send>> received = new HashMap<>();
        for (Providers.Send send : sends) {
            if (!Population.isStaff(send.to) || !delivered(send)) {
                continue;
            }
            Set<String> counted = new HashSet<>();
            for (String item : ITEM_BREAK.split(send.mainText)) {
                List<String> kinds = new ArrayList<>();
                if (SENT_NOTICE.matcher(item).find() && !item.strip().startsWith("Reminder sent")) {
                    kinds.add("sent");
                }
                if (PAID_NOTICE.matcher(item).find()) {
                    kinds.add("paid");
                }
                java.util.regex.Matcher ids = Providers.INVOICE_ID.matcher(item);
                while (ids.find()) {
                    for (String kind : kinds) {
                        String key = send.to + "/" + ids.group() + "/" + kind;
                        if (counted.add(key)) {
                            received.computeIfAbsent(key, k -> new ArrayList<>()).add(send);
                        }
                    }
                }
            }
        }
        boolean ok = true;
        List<String> lines = new ArrayList<>();
        List<String> missingExamples = new ArrayList<>();
        List<String> duplicateExamples = new ArrayList<>();
        for (String staff : List.of(Population.STAFF_ACTIVE, Population.STAFF_SILENT)) {
            int expected = 0;
            int once = 0;
            int missing = 0;
            int duplicated = 0;
            int unknowable = 0;
            for (Map<String, Object> invoice : invoices) {
                String id = s(invoice.get("id"));
                String status = s(invoice.get("status"));
                List<String> kinds = new ArrayList<>();
                // a send the service never learned of (its answer came after the time-out, then the invoice was paid
                // and the retry dropped as stale) has no 'sent' notice: the service cannot tell what it does not know
                if (Boolean.TRUE.equals(invoice.get("was_sent")) || status.equals("SENT")) {
                    kinds.add("sent");
                }
                if (status.equals("PAID")) {
                    kinds.add("paid");
                }
                for (String kind : kinds) {
                    expected++;
                    List<Providers.Send> got = received.getOrDefault(staff + "/" + id + "/" + kind, List.of());
                    if (got.size() == 1) {
                        once++;
                    } else if (got.isEmpty()) {
                        missing++;
                        missingExamples.add(staff + ": '" + kind + "' notice of " + id + " never delivered");
                    } else if (got.stream().anyMatch(this::unknowable)) {
                        unknowable++;
                    } else {
                        duplicated++;
                        duplicateExamples.add(staff + ": '" + kind + "' notice of " + id + " delivered " + got.size()
                                + " times");
                    }
                }
            }
            ok &= missing == 0 && duplicated == 0;
            lines.add("%s (%s): %d expected, %d delivered once, %d never, %d more than once, %d more than once only "
                    .formatted(staff, staff.equals(Population.STAFF_ACTIVE) ? "writes all along" : "never writes",
                            expected, once, missing, duplicated, unknowable)
                    + "where a time-out made it unknowable");
        }
        // the outbox's view: every notice row ends SENT, or COALESCED into a digest row that is SENT
        Map<String, String> statusById = new HashMap<>();
        for (Map<String, Object> row : outbox) {
            statusById.put(s(row.get("id")), s(row.get("status")));
        }
        Map<String, Integer> rows = new TreeMap<>();
        int undelivered = 0;
        for (Map<String, Object> row : outbox) {
            String purpose = s(row.get("purpose"));
            if (!purpose.equals("MERCHANT_NOTICE") && !purpose.equals("MERCHANT_DIGEST")) {
                continue;
            }
            String status = s(row.get("status"));
            boolean done = status.equals("SENT") || (status.equals("COALESCED")
                    && "SENT".equals(statusById.get(s(row.get("coalesced_into")))));
            String key = purpose + " " + (done ? status : status + "(" + s(row.get("last_error")) + ")");
            rows.merge(key, 1, Integer::sum);
            if (!done) {
                undelivered++;
            }
        }
        ok &= undelivered == 0;
        verdict(ok, "I3 every merchant notice delivered (or coalesced) exactly once",
                "'sent' and 'paid' notices per staff number (below); %d notice rows in the outbox not delivered: %s"
                        .formatted(undelivered, rows));
        for (String line : lines) {
            print("       %s", line);
        }
        examples("never delivered", missingExamples);
        examples("delivered more than once", duplicateExamples);
    }

    // ---- I4 -------------------------------------------------------------------------------------------------

    /** The service cannot know whether this send went out: it timed out, or the instance died right after it. */
    private boolean unknowable(Providers.Send send) {
        return send.outcome == Providers.Outcome.ACCEPTED_TIMEOUT || crashWindow(send);
    }

    private boolean crashWindow(Providers.Send send) {
        return soak.killedAt > 0 && send.instance.equals(soak.killedPrefix) && send.arrivedAt <= soak.killedAt
                && soak.killedAt - send.answeredAt <= CRASH_WINDOW_MS;
    }

    private void noMessageSentTwice() {
        Map<String, List<Map<String, Object>>> recorded = new HashMap<>();
        for (Map<String, Object> row : outbox) {
            if (row.get("provider_message_id") != null) {
                recorded.computeIfAbsent(row.get("channel") + "/" + row.get("provider_message_id"),
                        k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Integer> acceptedPerContent = new HashMap<>();
        for (Providers.Send send : sends) {
            if (send.accepted()) {
                acceptedPerContent.merge(send.channel + "/" + send.to + "/" + send.mainText, 1, Integer::sum);
            }
        }
        int accepted = 0;
        int once = 0;
        int timeouts = 0;
        int crash = 0;
        List<String> twice = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> wrongRecipient = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Providers.Send send : sends) {
            if (!send.accepted()) {
                continue;
            }
            accepted++;
            String key = send.channel + "/" + send.providerId;
            known.add(key);
            List<Map<String, Object>> rows = recorded.getOrDefault(key, List.of());
            if (rows.size() == 1) {
                once++;
                if (!Objects.equals(rows.getFirst().get("recipient_msisdn"), send.to)) {
                    wrongRecipient.add(key + " sent to " + send.to + ", recorded on row " + rows.getFirst().get("id")
                            + " for " + rows.getFirst().get("recipient_msisdn"));
                }
            } else if (rows.size() > 1) {
                shared.add(key + " recorded on " + rows.size() + " rows");
            } else if (send.outcome == Providers.Outcome.ACCEPTED_TIMEOUT) {
                timeouts++;
            } else if (crashWindow(send)) {
                crash++;
            } else {
                String what = send.channel + " " + send.kind + " to " + send.to + " by instance " + send.instance
                        + " at +" + (send.arrivedAt - soak.loadStart) / 1000 + " s: \"" + abbreviate(send.mainText)
                        + "\"";
                if (acceptedPerContent.getOrDefault(send.channel + "/" + send.to + "/" + send.mainText, 0) > 1) {
                    twice.add(what);
                } else {
                    unrecorded.add(what);
                }
            }
        }
        List<String> phantom = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : recorded.entrySet()) {
            if (!known.contains(e.getKey())) {
                phantom.add(e.getKey() + " on row " + e.getValue().getFirst().get("id"));
            }
        }
        boolean ok = twice.isEmpty() && unrecorded.isEmpty() && shared.isEmpty() && wrongRecipient.isEmpty()
                && phantom.isEmpty();
        verdict(ok, "I4 no outbound message sent twice",
                "%d sends accepted by WhatsApp/Africa's Talking: %d recorded on exactly one outbox row; unknowable and "
                        .formatted(accepted, once)
                        + "not recorded: %d after a provider time-out, %d by the killed instance just before the SIGKILL; "
                        .formatted(timeouts, crash)
                        + "%d sent again (duplicate), %d accepted but recorded as not sent, %d ids on several rows, "
                        .formatted(twice.size(), unrecorded.size(), shared.size())
                        + "%d rows naming another recipient's send, %d rows naming a send the provider never accepted"
                        .formatted(wrongRecipient.size(), phantom.size()));
        examples("sent twice", twice);
        examples("accepted, not recorded", unrecorded);
        examples("one provider id on several rows", shared);
        examples("provider id of another recipient", wrongRecipient);
        examples("provider id nobody accepted", phantom);
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 70 ? flat.substring(0, 67) + "..." : flat;
    }

    // ---- I5 -------------------------------------------------------------------------------------------------

    private void noPaymentChargedTwice() {
        Map<String, List<Providers.Charge>> chargesByInvoice = charges.stream()
                .collect(Collectors.groupingBy(c -> c.push.invoiceId));
        Map<String, List<Providers.Push>> pushesByInvoice = pushes.stream()
                .collect(Collectors.groupingBy(p -> p.invoiceId));
        Map<String, List<Map<String, Object>>> attempts = payments.stream()
                .collect(Collectors.groupingBy(p -> s(p.get("invoice_id"))));
        List<String> twice = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> phantom = new ArrayList<>();
        for (Map.Entry<String, List<Providers.Charge>> e : chargesByInvoice.entrySet()) {
            if (e.getValue().size() > 1) {
                twice.add(e.getKey() + ": " + e.getValue().stream().map(c -> c.receipt + " (push " + c.push.outcome
                        + ", callback " + (c.callbackDelivered.get() ? "delivered" : "never delivered") + ")")
                        .toList());
            }
        }
        int pushed = 0;
        for (Map.Entry<String, List<Providers.Push>> e : pushesByInvoice.entrySet()) {
            pushed++;
            int rows = attempts.getOrDefault(e.getKey(), List.of()).size();
            if (e.getValue().size() > rows) {
                repeated.add(e.getKey() + ": " + e.getValue().size() + " pushes, " + rows + " payment attempts");
            }
        }
        for (Map.Entry<String, List<Map<String, Object>>> e : attempts.entrySet()) {
            long successes = e.getValue().stream().filter(p -> "SUCCESS".equals(p.get("status"))).count();
            int moved = chargesByInvoice.getOrDefault(e.getKey(), List.of()).size();
            if (successes > moved) {
                phantom.add(e.getKey() + ": " + successes + " SUCCESS attempts for " + moved + " M-PESA charge(s)");
            }
        }
        verdict(twice.isEmpty() && repeated.isEmpty() && phantom.isEmpty(), "I5 no payment charged twice",
                "%d invoices pushed (%d pushes), %d charges: %d invoices charged more than once, %d with more pushes "
                        .formatted(pushed, pushes.size(), charges.size(), twice.size(), repeated.size())
                        + "than payment attempts, %d with more SUCCESS attempts than charges".formatted(phantom.size()));
        examples("charged twice", twice);
        examples("push repeated", repeated);
        examples("SUCCESS without money", phantom);
    }

    // ---- I6 -------------------------------------------------------------------------------------------------

    private void everySuccessApplied() {
        int applied = 0;
        int raised = 0;
        int unknowable = 0;
        List<String> missing = new ArrayList<>();
        for (Providers.Charge c : charges) {
            boolean onInvoice = payments.stream().anyMatch(p -> "SUCCESS".equals(p.get("status"))
                    && (c.receipt.equals(p.get("mpesa_receipt")) || c.push.checkout.equals(p.get("checkout_request_id"))));
            boolean asUnmatched = unmatched.stream().anyMatch(u -> c.receipt.equals(u.get("mpesa_receipt"))
                    || c.push.checkout.equals(u.get("checkout_request_id")));
            if (onInvoice) {
                applied++;
            } else if (asUnmatched) {
                raised++;
            } else if (!c.push.serviceKnowsIds && !c.callbackDelivered.get()) {
                unknowable++;
            } else {
                String invoiceStatus = invoices.stream().filter(i -> c.push.invoiceId.equals(i.get("id")))
                        .map(i -> s(i.get("status"))).findFirst().orElse("?");
                String attempt = payments.stream().filter(p -> c.push.checkout.equals(p.get("checkout_request_id")))
                        .map(p -> s(p.get("status")) + "/" + s(p.get("result_code"))).findFirst().orElse("none named");
                missing.add(c.receipt + " KES " + c.push.amountKes + " for " + c.push.invoiceId + " (invoice "
                        + invoiceStatus + ", attempt " + attempt + ", push " + c.push.outcome + ", callback "
                        + (c.callbackDelivered.get() ? "delivered" : "never delivered") + ")");
            }
        }
        verdict(missing.isEmpty(), "I6 every M-PESA success applied to an invoice or raised as unmatched",
                "%d charges: %d applied to an invoice, %d raised in unmatched_payments, %d neither, %d the service "
                        .formatted(charges.size(), applied, raised, missing.size(), unknowable)
                        + "could never learn of (push outcome unknown and every callback lost; not counted)");
        examples("neither applied nor raised", missing);
    }

    // ---- information ----------------------------------------------------------------------------------------

    private void information() {
        print("");
        print("-- what happened (information, not invariants)");
        Map<String, Map<Providers.Outcome, Integer>> outcomes = new TreeMap<>();
        for (Providers.Send send : sends) {
            if (send.outcome != null) {
                outcomes.computeIfAbsent(send.channel, k -> new java.util.EnumMap<>(Providers.Outcome.class))
                        .merge(send.outcome, 1, Integer::sum);
            }
        }
        outcomes.forEach((channel, counts) -> print("   %s sends: %s", channel, counts));
        print("   pair-rate refusals (131056: one recipient messaged twice within 6 s): %d, by instance %s",
                sends.stream().filter(x -> x.outcome == Providers.Outcome.PACED).count(),
                sends.stream().filter(x -> x.outcome == Providers.Outcome.PACED)
                        .collect(Collectors.groupingBy(x -> x.instance, TreeMap::new, Collectors.counting())));
        Map<Providers.Outcome, Long> pushOutcomes = pushes.stream().filter(p -> p.outcome != null)
                .collect(Collectors.groupingBy(p -> p.outcome, () -> new java.util.EnumMap<>(Providers.Outcome.class),
                        Collectors.counting()));
        print("   STK pushes: %s; STK queries: %d; callbacks posted %d, lost (no 200) %d; statuses posted %d, SMS "
                + "reports %d", pushOutcomes, soak.providers.queries.get(), soak.callbacksPosted.get(),
                soak.traffic.callbacksLost.get(), soak.statusesPosted.get(), soak.reportsPosted.get());
        print("   webhook/SMS posts %d, of which not answered 200 (then redelivered) %d; REST calls %d",
                soak.traffic.webhookPosts.get(), soak.traffic.webhookFailures.get(), soak.traffic.restCalls.get());
        Map<String, Integer> byPurpose = new TreeMap<>();
        Map<String, Integer> failedWhy = new TreeMap<>();
        int maxAttempts = 0;
        for (Map<String, Object> row : outbox) {
            byPurpose.merge(row.get("purpose") + " " + row.get("channel") + " " + row.get("status"), 1, Integer::sum);
            if ("FAILED".equals(row.get("status"))) {
                failedWhy.merge(row.get("purpose") + ": " + row.get("last_error"), 1, Integer::sum);
            }
            maxAttempts = Math.max(maxAttempts, ((Number) row.get("attempts")).intValue());
        }
        print("   outbox rows by purpose, channel, status: %s", byPurpose);
        print("   outbox FAILED by purpose and last error: %s", failedWhy);
        print("   most attempts on one outbox row: %d", maxAttempts);
        print("   payments by status: %s", payments.stream().collect(Collectors.groupingBy(p -> s(p.get("status")),
                TreeMap::new, Collectors.counting())));
        print("   unmatched payments: %d", unmatched.size());
        for (ServiceInstance instance : soak.instances) {
            for (Path log : instance.logs()) {
                logSummary(log);
            }
        }
    }

    private void logSummary(Path log) {
        Map<String, Integer> errors = new LinkedHashMap<>();
        int lines = 0;
        try (var stream = Files.lines(log)) {
            for (String line : (Iterable<String>) stream::iterator) {
                lines++;
                if (line.contains("\"level\":\"ERROR\"")) {
                    int m = line.indexOf("\"message\":\"");
                    String message = m < 0 ? line : line.substring(m + 11, Math.min(line.length(), m + 11 + 110));
                    message = message.replaceAll("[0-9]+", "N");
                    errors.merge(message, 1, Integer::sum);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            print("   %s: unreadable (%s)", log.getFileName(), e.getMessage());
            return;
        }
        int total = errors.values().stream().mapToInt(Integer::intValue).sum();
        print("   %s: %d lines, %d ERROR", log.getFileName(), lines, total);
        errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(e -> print("       %5d x %s", e.getValue(), e.getKey()));
    }
}
