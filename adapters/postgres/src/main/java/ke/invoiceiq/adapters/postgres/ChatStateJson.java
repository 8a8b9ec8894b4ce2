package ke.invoiceiq.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.ChatState.ChoosingEdit;
import ke.invoiceiq.domain.chat.ChatState.CollectingAmount;
import ke.invoiceiq.domain.chat.ChatState.CollectingDescription;
import ke.invoiceiq.domain.chat.ChatState.CollectingDueDate;
import ke.invoiceiq.domain.chat.ChatState.CollectingName;
import ke.invoiceiq.domain.chat.ChatState.CollectingPhone;
import ke.invoiceiq.domain.chat.ChatState.Confirming;
import ke.invoiceiq.domain.chat.ChatState.Idle;
import ke.invoiceiq.domain.chat.InvoiceDraft;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;

/**
 * A chat state as the JSON of {@code chat_sessions.state}, written by hand with Jackson's tree model so the
 * domain carries no annotations and the stored form is ours to keep stable:
 *
 * <pre>{"v":1,"kind":"COLLECTING_NAME","editing":false,"lastInputAt":"2026-03-02T06:00:00Z","nudged":false,
 *  "draft":{"customer":{"phone":"254712345678"},"name":"Mama Njeri","amount":2500,"description":"…","language":"sw",
 *  "dueDate":"2026-12-15"}}</pre>
 *
 * Absent draft parts are absent keys; {@code customer} is {@code {"phone":…}} or {@code {"name":…}}. Times keep
 * their full precision as ISO-8601 text.
 */
final class ChatStateJson {

    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatStateJson() {
    }

    /** The {@code state_kind} column: the step, readable in SQL. */
    static String kind(ChatState state) {
        return switch (state) {
            case Idle s -> "IDLE";
            case CollectingPhone s -> "COLLECTING_PHONE";
            case CollectingName s -> "COLLECTING_NAME";
            case CollectingAmount s -> "COLLECTING_AMOUNT";
            case CollectingDescription s -> "COLLECTING_DESCRIPTION";
            case CollectingDueDate s -> "COLLECTING_DUE_DATE";
            case Confirming s -> "CONFIRMING";
            case ChoosingEdit s -> "CHOOSING_EDIT";
        };
    }

    /** The {@code last_input_at} column: when the merchant last wrote in a guided step, none when idle. */
    static Optional<Instant> lastInputAt(ChatState state) {
        return state instanceof ChatState.Guided g ? Optional.of(g.lastInputAt()) : Optional.empty();
    }

    static String write(ChatState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", FORMAT);
        node.put("kind", kind(state));
        switch (state) {
            case Idle s -> { }
            case CollectingPhone s -> guided(node, s.draft(), s.lastInputAt(), s.nudged()).put("editing", s.editing());
            case CollectingName s -> guided(node, s.draft(), s.lastInputAt(), s.nudged()).put("editing", s.editing());
            case CollectingAmount s -> guided(node, s.draft(), s.lastInputAt(), s.nudged()).put("editing", s.editing());
            case CollectingDescription s ->
                    guided(node, s.draft(), s.lastInputAt(), s.nudged()).put("editing", s.editing());
            case CollectingDueDate s ->
                    guided(node, s.draft(), s.lastInputAt(), s.nudged()).put("editing", s.editing());
            case Confirming s -> guided(node, s.draft(), s.lastInputAt(), s.nudged());
            case ChoosingEdit s -> guided(node, s.draft(), s.lastInputAt(), s.nudged());
        }
        return node.toString();
    }

    static ChatState read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable chat state", e);
        }
        int format = node.path("v").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalStateException("unknown chat state format " + format);
        }
        String kind = text(node, "kind");
        if (kind.equals("IDLE")) {
            return new Idle();
        }
        InvoiceDraft draft = draft(node.path("draft"));
        Instant lastInputAt = Instant.parse(text(node, "lastInputAt"));
        boolean nudged = node.path("nudged").asBoolean(false);
        boolean editing = node.path("editing").asBoolean(false);
        return switch (kind) {
            case "COLLECTING_PHONE" -> new CollectingPhone(draft, editing, lastInputAt, nudged);
            case "COLLECTING_NAME" -> new CollectingName(draft, editing, lastInputAt, nudged);
            case "COLLECTING_AMOUNT" -> new CollectingAmount(draft, editing, lastInputAt, nudged);
            case "COLLECTING_DESCRIPTION" -> new CollectingDescription(draft, editing, lastInputAt, nudged);
            case "COLLECTING_DUE_DATE" -> new CollectingDueDate(draft, editing, lastInputAt, nudged);
            case "CONFIRMING" -> new Confirming(draft, lastInputAt, nudged);
            case "CHOOSING_EDIT" -> new ChoosingEdit(draft, lastInputAt, nudged);
            default -> throw new IllegalStateException("unknown chat state kind " + kind);
        };
    }

    private static ObjectNode guided(ObjectNode node, InvoiceDraft draft, Instant lastInputAt, boolean nudged) {
        node.put("lastInputAt", lastInputAt.toString());
        node.put("nudged", nudged);
        ObjectNode d = node.putObject("draft");
        draft.customer().ifPresent(ref -> {
            ObjectNode customer = d.putObject("customer");
            switch (ref) {
                case CustomerRef.ByPhone p -> customer.put("phone", p.msisdn().value());
                case CustomerRef.ByName n -> customer.put("name", n.name());
            }
        });
        draft.name().ifPresent(n -> d.put("name", n.value()));
        draft.amount().ifPresent(a -> d.put("amount", a.shillings()));
        draft.description().ifPresent(desc -> d.put("description", desc.value()));
        draft.language().ifPresent(language -> d.put("language", language.tag()));
        draft.dueDate().ifPresent(due -> d.put("dueDate", due.toString()));
        return node;
    }

    private static InvoiceDraft draft(JsonNode d) {
        Optional<CustomerRef> customer = Optional.empty();
        JsonNode c = d.path("customer");
        if (c.hasNonNull("phone")) {
            customer = Optional.of(new CustomerRef.ByPhone(new Msisdn(c.get("phone").asText())));
        } else if (c.hasNonNull("name")) {
            customer = Optional.of(new CustomerRef.ByName(c.get("name").asText()));
        }
        return new InvoiceDraft(
                customer,
                optionalText(d, "name").map(CustomerName::new),
                d.hasNonNull("amount") ? Optional.of(Amount.ofShillings(d.get("amount").asLong()))
                        : Optional.empty(),
                optionalText(d, "description").map(Description::new),
                optionalText(d, "language").flatMap(Language::fromTag),
                optionalText(d, "dueDate").map(LocalDate::parse));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("chat state without " + field);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
