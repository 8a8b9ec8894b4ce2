package ke.invoiceiq.adapters.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phone simulator page: server-rendered, its script and style sheet served by the sandbox, stable selectors. */
@QuarkusTest
class SandboxPageTest {

    /** The selectors the browser test relies on. */
    static final List<String> SELECTORS = List.of("id=\"merchant-input\"", "id=\"merchant-send\"",
            "id=\"merchant-messages\"", "id=\"customer-messages\"", "id=\"stk-dialog\"", "id=\"stk-pin\"",
            "id=\"stk-ok\"", "id=\"stk-cancel\"", "id=\"customer-number\"", "id=\"customer-sms-input\"",
            "id=\"customer-sms-send\"", "id=\"customer-wa-input\"", "id=\"customer-wa-send\"",
            "id=\"no-whatsapp-hint\"");

    @Test
    void givenTheSandboxOn_whenThePageIsOpened_thenBothPhonesWithTheirControlsAreThere() {
        Response page = given().queryParam("customer", "0798765432").when().get("/sandbox");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains(SELECTORS);
        assertThat(html).contains("data-customer=\"254798765432\"", "data-merchant=\"254700000001\"",
                "Sandbox Test Shop", "Numbers starting 25479… are not on WhatsApp",
                "/sandbox/assets/sandbox.js", "/sandbox/assets/sandbox.css");
        assertThat(html).as("the dialog is closed until a prompt is open")
                .containsPattern("id=\"stk-dialog\"[^>]*hidden");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void givenNoOrABadCustomerNumber_whenThePageIsOpened_thenTheDemoCustomerIsShown() {
        assertThat(given().when().get("/sandbox").asString()).contains("data-customer=\"254712345678\"");
        assertThat(given().queryParam("customer", "nonsense").when().get("/sandbox").asString())
                .contains("data-customer=\"254712345678\"");
    }

    @Test
    void givenTheAssets_whenFetched_thenTheScriptAndStyleSheetComeWithTheirTypes() {
        Response js = given().when().get("/sandbox/assets/sandbox.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.contentType()).startsWith("text/javascript");
        assertThat(js.asString()).startsWith("// InvoiceIQ sandbox").doesNotContain("{|", "|}", "{!")
                .contains("/sandbox/api/state", "'reply'", "data-button-id", "stk-ok");
        Response css = given().when().get("/sandbox/assets/sandbox.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.asString()).startsWith("/* InvoiceIQ sandbox").doesNotContain("{|", "|}")
                .contains("[hidden]{display:none!important}");
        given().when().get("/sandbox/assets/other.js").then().statusCode(404);
    }

    @Test
    void givenAValueWithMarkup_whenRendered_thenItIsEscaped() {
        // the business name is the only configured text on the page; customer numbers are parsed first
        assertThat(SandboxTemplates.page(new SandboxPage("<b>Shop</b>", "254700000001", "254712345678", "", 20))
                .render()).contains("&lt;b&gt;Shop&lt;/b&gt;").doesNotContain("<b>Shop</b>")
                .contains("Every number is on WhatsApp.");
    }

    @Test
    void givenLangSw_whenThePageIsOpened_thenItsLabelsAndTheScriptsWordsAreSwahiliWithALinkBack() {
        String html = given().queryParam("lang", "sw").when().get("/sandbox").asString();

        assertThat(html).contains("<html lang=\"sw\">", ">Tuma SMS</button>", ">Weka PIN ya M-PESA</label>",
                        "Malipo yanavyoisha", "href=\"?lang=en\"",
                        "data-t-stk-question=\"Je, unataka kulipa KES {amount} kwa {business} kwa akaunti {account}?\"")
                .contains(SELECTORS)
                .doesNotContain("Send SMS", "How a payment ends");
        assertThat(given().when().get("/sandbox").asString()).contains("<html lang=\"en\">", ">Send SMS</button>",
                "href=\"?lang=sw\"");
    }
}
