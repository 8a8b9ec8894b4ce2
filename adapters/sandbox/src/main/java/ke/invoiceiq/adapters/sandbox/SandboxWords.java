package ke.invoiceiq.adapters.sandbox;

import java.util.Objects;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.SandboxPhrases;

/**
 * The sandbox page's labels in one language ({@link SandboxPhrases}): {@code {page.words.t('SEND')}} in the
 * template. The page is in the language of {@code /sandbox?lang=sw}, else English; a link switches it.
 */
public record SandboxWords(Language language) {

    public SandboxWords {
        Objects.requireNonNull(language, "language");
    }

    /** The label named {@code key}, a {@link SandboxPhrases} constant; its placeholders, if any, left as they are. */
    public String t(String key) {
        return SandboxPhrases.valueOf(key).text(language);
    }

    /** The {@code <html lang>} value. */
    public String lang() {
        return language.tag();
    }

    /** The {@code lang} of the page in the other language, for the switch. */
    public String otherLang() {
        return language == Language.SW ? Language.EN.tag() : Language.SW.tag();
    }

    public String title(String businessName) {
        return SandboxPhrases.TITLE.in(language).with("business", businessName).text();
    }

    public String merchantTitle(String businessName) {
        return SandboxPhrases.MERCHANT_TITLE.in(language).with("business", businessName).text();
    }

    public String noWhatsAppHint(String prefixes) {
        return SandboxPhrases.NO_WHATSAPP_HINT.in(language).with("prefixes", prefixes).text();
    }

    public String rules(long seconds) {
        return SandboxPhrases.RULES.in(language).with("seconds", seconds).text();
    }
}
