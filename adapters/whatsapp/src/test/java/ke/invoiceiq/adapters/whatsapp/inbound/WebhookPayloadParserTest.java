package ke.invoiceiq.adapters.whatsapp.inbound;

import static ke.invoiceiq.adapters.whatsapp.inbound.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ke.invoiceiq.application.inbound.InboundContent;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook envelope (docs/whatsapp.md) read into use-case inputs, without Quarkus. */
class WebhookPayloadParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String PHONE_ID = "106540352242922";

    private final WebhookPayloadParser parser = new WebhookPayloadParser(new ObjectMapper(), Optional.of(PHONE_ID));

    private ParsedWebhook parse(String json) throws MalformedWebhookException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static InboundMessage onlyMessage(ParsedWebhook parsed) {
        assertThat(parsed.events()).hasSize(1).first().isInstanceOf(WebhookEvent.Message.class);
        return ((WebhookEvent.Message) parsed.events().get(0)).message();
    }

    private static String envelope(String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},%s}}]}]}
                """.formatted(value);
    }

    @Test
    void givenTextFixture_whenParsed_thenOneTextMessageWithEveryField() throws Exception {
        InboundMessage m = onlyMessage(parser.parse(webhook("text"), NOW));

        assertThat(m.provider()).isEqualTo("whatsapp");
        assertThat(m.providerMessageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(m.from()).contains(new Msisdn("254712345678"));
        assertThat(m.userId()).isEmpty();
        assertThat(m.content()).isEqualTo(new InboundContent.Text("invoice 0712345678 2500 Cleaning"));
        assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
    }

    static Stream<Arguments> taps() {
        return Stream.of(
                Arguments.of("button_reply", "wamid.HBgMMjU0NzIyMDAwMTExFQIAEhgUQlVUVE9OUkVQTFkwMDAwMDAwMQA=",
                        "pay_INV-2026-0001", 1698266730L),
                Arguments.of("list_reply", "wamid.HBgMMjU0NzIyMDAwMTExFQIAEhgUTElTVFJFUExZMDAwMDAwMDAwMQA=",
                        "remind_INV-2026-0002", 1698266800L),
                Arguments.of("template_button", "wamid.HBgMMjU0NzIyMDAwMTExFQIAEhgUVEVNUExBVEVCVVRUT04wMDAwMQA=",
                        "pay_INV-2026-0003", 1698269027L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taps")
    void givenTapFixture_whenParsed_thenButtonTapWithTheReplyIdOrPayload(String fixture, String wamid, String tapId,
            long epoch) throws Exception {
        InboundMessage m = onlyMessage(parser.parse(webhook(fixture), NOW));

        assertThat(m.providerMessageId()).isEqualTo(wamid);
        assertThat(m.from()).contains(new Msisdn("254722000111"));
        assertThat(m.content()).isEqualTo(new InboundContent.ButtonTap(tapId));
        assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochSecond(epoch));
    }

    @Test
    void givenStatusesFixture_whenParsed_thenFourReportsInOrderAndPlayedIgnored() throws Exception {
        ParsedWebhook parsed = parser.parse(webhook("statuses"), NOW);

        assertThat(parsed.events()).allMatch(e -> e instanceof WebhookEvent.Status);
        assertThat(parsed.events().stream().map(e -> ((WebhookEvent.Status) e).report()).toList()).containsExactly(
                new DeliveryReport(Channel.WHATSAPP, "wamid.SENT0001", DeliveryStatus.SENT, Optional.empty(),
                        Instant.ofEpochSecond(1698266945L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.DELIVERED0001", DeliveryStatus.DELIVERED,
                        Optional.empty(), Instant.ofEpochSecond(1698266950L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.READ0001", DeliveryStatus.READ, Optional.empty(),
                        Instant.ofEpochSecond(1698266990L)),
                new DeliveryReport(Channel.WHATSAPP, "wamid.FAILED0001", DeliveryStatus.FAILED,
                        Optional.of("131047"), Instant.ofEpochSecond(1689380458L)));
        assertThat(parsed.skipped()).isEqualTo(1);
    }

    @Test
    void givenTopLevelErrors_whenParsed_thenNoEventsAndNoFailure() throws Exception {
        ParsedWebhook parsed = parser.parse(webhook("errors"), NOW);

        assertThat(parsed.events()).isEmpty();
        assertThat(parsed.skipped()).isZero();
    }

    @Test
    void givenUsernameUserWithoutFrom_whenParsed_thenNoSenderButTheUserId() throws Exception {
        InboundMessage m = onlyMessage(parser.parse(webhook("username"), NOW));

        assertThat(m.from()).isEmpty();
        assertThat(m.userId()).contains("KE.13491208655302741918");
        assertThat(m.content()).isEqualTo(new InboundContent.Text("Hi, I want to pay"));
    }

    @Test
    void givenUserIdOnlyInContacts_whenParsed_thenTheContactsUserIdIsUsed() throws Exception {
        InboundMessage m = onlyMessage(parse(envelope("""
                "contacts":[{"profile":{"username":"amina.k"},"user_id":"KE.42"}],
                "messages":[{"id":"wamid.U1","timestamp":"1","type":"text","text":{"body":"hi"}}]""")));

        assertThat(m.from()).isEmpty();
        assertThat(m.userId()).contains("KE.42");
    }

    @ParameterizedTest(name = "from={0}")
    @ValueSource(strings = {"16505551234", "not-a-number", "", "2547"})
    void givenFromThatIsNoKenyanMobile_whenParsed_thenSenderIsEmptyAndNothingThrows(String from) throws Exception {
        InboundMessage m = onlyMessage(parse(envelope("""
                "messages":[{"from":"%s","id":"wamid.F1","timestamp":"1","type":"text","text":{"body":"hi"}}]"""
                .formatted(from))));

        assertThat(m.from()).isEmpty();
    }

    @Test
    void givenImageFixture_whenParsed_thenUnsupportedImage() throws Exception {
        InboundMessage m = onlyMessage(parser.parse(webhook("image"), NOW));

        assertThat(m.content()).isEqualTo(new InboundContent.Unsupported("image"));
        assertThat(m.from()).contains(new Msisdn("254722000111"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("unsupportedTypes")
    void givenOtherMessageTypes_whenParsed_thenUnsupportedWithTheProvidersWord(String message, String type)
            throws Exception {
        InboundMessage m = onlyMessage(parse(envelope("\"messages\":[" + message + "]")));

        assertThat(m.content()).isEqualTo(new InboundContent.Unsupported(type));
    }

    static Stream<Arguments> unsupportedTypes() {
        String base = "{\"from\":\"254722000111\",\"id\":\"wamid.X\",\"timestamp\":\"1\",";
        return Stream.of(
                Arguments.of(base + "\"type\":\"audio\",\"audio\":{\"id\":\"1\",\"voice\":true}}", "audio"),
                Arguments.of(base + "\"type\":\"video\",\"video\":{\"id\":\"1\"}}", "video"),
                Arguments.of(base + "\"type\":\"document\",\"document\":{\"id\":\"1\"}}", "document"),
                Arguments.of(base + "\"type\":\"location\",\"location\":{\"latitude\":1,\"longitude\":2}}", "location"),
                Arguments.of(base + "\"type\":\"sticker\",\"sticker\":{\"id\":\"1\"}}", "sticker"),
                Arguments.of(base + "\"type\":\"reaction\",\"reaction\":{\"emoji\":\"x\"}}", "reaction"),
                Arguments.of(base + "\"type\":\"contacts\",\"contacts\":[]}", "contacts"),
                Arguments.of(base + "\"type\":\"unsupported\",\"errors\":[{\"code\":131051}]}", "unsupported"),
                Arguments.of(base + "\"type\":\"hologram\"}", "hologram"),
                Arguments.of(base + "\"type\":\"<script>\\n\"}", "unknown"),
                Arguments.of(base + "\"type\":\"interactive\",\"interactive\":{\"type\":\"nfm_reply\"}}", "interactive"),
                Arguments.of(base + "\"type\":\"button\",\"button\":{\"text\":\"no payload\"}}", "button"),
                Arguments.of(base + "\"type\":\"text\",\"text\":{}}", "text"));
    }

    @Test
    void givenMultiEntryBatch_whenParsed_thenEveryElementOfOurNumberInOrderAndOtherNumberCounted() throws Exception {
        ParsedWebhook parsed = parser.parse(webhook("batch"), NOW);

        assertThat(parsed.events()).extracting(WebhookEvent::kind, WebhookEvent::wamid).containsExactly(
                org.assertj.core.groups.Tuple.tuple("message", "wamid.BATCH-A1"),
                org.assertj.core.groups.Tuple.tuple("message", "wamid.BATCH-A2"),
                org.assertj.core.groups.Tuple.tuple("status", "wamid.BATCH-S1"),
                org.assertj.core.groups.Tuple.tuple("message", "wamid.BATCH-B1"),
                org.assertj.core.groups.Tuple.tuple("message", "wamid.BATCH-B2"));
        assertThat(parsed.changesForOtherNumber()).isEqualTo(1);
        List<InboundContent> contents = parsed.events().stream()
                .filter(e -> e instanceof WebhookEvent.Message).map(e -> ((WebhookEvent.Message) e).message().content())
                .toList();
        assertThat(contents).containsExactly(new InboundContent.Text("invoice 0722000111 1500 Plumbing"),
                new InboundContent.Unsupported("location"), new InboundContent.Unsupported("reaction"),
                new InboundContent.Unsupported("unsupported"));
    }

    @Test
    void givenNoPhoneIdConfigured_whenBatchParsed_thenChangesOfEveryNumberAreRead() throws Exception {
        var unrouted = new WebhookPayloadParser(new ObjectMapper(), Optional.empty());

        ParsedWebhook parsed = unrouted.parse(webhook("batch"), NOW);

        assertThat(parsed.events()).extracting(WebhookEvent::wamid).contains("wamid.OTHER-NUMBER").hasSize(6);
        assertThat(parsed.changesForOtherNumber()).isZero();
    }

    @Test
    void givenElementsWithoutIdOrNotObjects_whenParsed_thenSkippedAndTheRestRead() throws Exception {
        ParsedWebhook parsed = parse(envelope("""
                "messages":[42, {"from":"254722000111","type":"text","text":{"body":"no id"}},
                  {"from":"254722000111","id":"wamid.OK","type":"text","text":{"body":"ok"},"timestamp":"soon"}],
                "statuses":[{"status":"read"}, "x", {"id":"wamid.S","status":"READ","timestamp":1698266990}]"""));

        assertThat(parsed.events()).extracting(WebhookEvent::wamid).containsExactly("wamid.OK", "wamid.S");
        assertThat(parsed.skipped()).isEqualTo(4);
        InboundMessage m = ((WebhookEvent.Message) parsed.events().get(0)).message();
        assertThat(m.receivedAt()).as("an unreadable timestamp is the time of receipt").isEqualTo(NOW);
        DeliveryReport r = ((WebhookEvent.Status) parsed.events().get(1)).report();
        assertThat(r.at()).isEqualTo(Instant.ofEpochSecond(1698266990L));
        assertThat(r.status()).isEqualTo(DeliveryStatus.READ);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "not json", "{\"entry\": [", "[1,2,3]", "\"text\"", "null", "{\"a\":1}}"})
    void givenBodyThatIsNotAJsonObject_whenParsed_thenMalformed(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedWebhookException.class)
                .hasMessageNotContaining(body.isEmpty() ? "\u0000" : body);
    }

    @Test
    void givenJsonObjectOfAnotherShape_whenParsed_thenNoEvents() throws Exception {
        assertThat(parse("{\"object\":\"page\",\"entry\":{\"changes\":1}}").events()).isEmpty();
    }
}
