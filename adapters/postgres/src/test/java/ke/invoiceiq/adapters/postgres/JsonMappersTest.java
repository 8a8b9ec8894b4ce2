package ke.invoiceiq.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.InvoiceDraft;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of the JSONB columns, without a database. */
class JsonMappersTest {

    @Test
    void keepsAChatStateExactlyIncludingNanosecondsAndEmoji() {
        var draft = new InvoiceDraft(Optional.of(new CustomerRef.ByName("Mama \"Njeri\"")),
                Optional.of(new CustomerName("Mama Njeri")), Optional.of(Amount.ofShillings(250_000)),
                Optional.of(new Description("Sukuma 🥬 & eggs\\")));
        var state = new ChatState.CollectingDescription(draft, true, Instant.parse("2026-03-02T06:00:00.123456789Z"),
                true);

        String json = ChatStateJson.write(state);

        assertThat(ChatStateJson.read(json)).isEqualTo(state);
        assertThat(json).contains("\"kind\":\"COLLECTING_DESCRIPTION\"").contains("\"v\":1");
        assertThat(ChatStateJson.read(ChatStateJson.write(new ChatState.Idle()))).isEqualTo(new ChatState.Idle());
        var byPhone = new ChatState.CollectingName(
                InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(new Msisdn("254112345678"))), false,
                Instant.parse("2026-03-02T06:00:00Z"), false);
        assertThat(ChatStateJson.read(ChatStateJson.write(byPhone))).isEqualTo(byPhone);
    }

    @Test
    void givenADraftInSwahili_whenWrittenAndRead_thenItKeepsItsLanguage() {
        var tagged = new ChatState.CollectingName(InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(
                new Msisdn("254112345678"))).withLanguage(Optional.of(Language.SW)), false,
                Instant.parse("2026-03-02T06:00:00Z"), false);

        String json = ChatStateJson.write(tagged);

        assertThat(json).contains("\"language\":\"sw\"");
        assertThat(ChatStateJson.read(json)).isEqualTo(tagged);
        assertThat(ChatStateJson.read(json.replace(",\"language\":\"sw\"", "")))
                .as("a draft stored before languages reads with none")
                .isEqualTo(new ChatState.CollectingName(tagged.draft().withLanguage(Optional.empty()), false,
                        tagged.lastInputAt(), false));
    }

    @Test
    void refusesAChatStateOfAnUnknownFormat() {
        assertThatThrownBy(() -> ChatStateJson.read("{\"v\":2,\"kind\":\"IDLE\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 2");
        assertThatThrownBy(() -> ChatStateJson.read("{\"v\":1,\"kind\":\"DANCING\",\"lastInputAt\":"
                + "\"2026-03-02T06:00:00Z\"}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsOutboundContentWithAndWithoutItsOptionalParts() {
        var plain = OutboundContent.text("Send 'help' for the commands.");
        var full = OutboundContent.withButtons("Invoice INV-000001: KES 2,500",
                        List.of(new Button("pay:INV-000001", "Pay with M-PESA"), new Button("help", "Help")))
                .withSms("Invoice INV-000001 …")
                .withTemplate(new TemplateParameters(List.of("INV-000001", "2,500"), "pay:INV-000001"))
                .withDigestLine("Invoice #INV-000001 (KES 2,500) sent to 254712345678.");

        assertThat(OutboundContentJson.read(OutboundContentJson.write(plain))).isEqualTo(plain);
        assertThat(OutboundContentJson.read(OutboundContentJson.write(full))).isEqualTo(full);
        assertThat(OutboundContentJson.write(plain)).doesNotContain("sms").doesNotContain("template")
                .doesNotContain("digest");
    }

    @Test
    void givenContentWrittenBeforeDigestLinesExisted_whenRead_thenItHasNone() {
        var read = OutboundContentJson.read("""
                {"v":1,"text":"Paid","buttons":[],"sms":"Paid"}""");

        assertThat(read).isEqualTo(OutboundContent.text("Paid").withSms("Paid"));
        assertThat(read.digestLine()).isEmpty();
    }

    @Test
    void givenASwahiliTemplate_whenKept_thenItsLanguageComesBackAndOlderRowsReadAsEnglish() {
        var swahili = OutboundContent.text("Ankara").withTemplate(
                new TemplateParameters(List.of("Mteja", "2,500"), "pay_INV-000001", Language.SW));
        var older = OutboundContentJson.read("""
                {"v":1,"text":"Invoice","buttons":[],"template":{"body":["Customer"],"button":"pay_INV-000001"}}""");

        assertThat(OutboundContentJson.read(OutboundContentJson.write(swahili))).isEqualTo(swahili);
        assertThat(older.template().orElseThrow().language()).isEqualTo(Language.EN);
    }

    @Test
    void foldsNamesAsTheDomainComparesThem() {
        assertThat(PostgresCustomerDirectory.nameKey("  MAMA \t  Njeri ")).isEqualTo("mama njeri");
        assertThat(PostgresCustomerDirectory.nameKey("ÖTIENO")).isEqualTo(PostgresCustomerDirectory.nameKey("ötieno"));
    }
}
