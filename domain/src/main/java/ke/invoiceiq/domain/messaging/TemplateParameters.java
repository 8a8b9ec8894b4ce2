package ke.invoiceiq.domain.messaging;

import java.util.List;
import java.util.Objects;
import ke.invoiceiq.domain.copy.Language;

/**
 * Values for the approved invoice template's body variables, the payload of its quick-reply button, and the language
 * they are written in: the template is sent in that language's approved version (docs/whatsapp.md).
 */
public record TemplateParameters(List<String> bodyParameters, String buttonPayload, Language language) {
    public TemplateParameters {
        bodyParameters = List.copyOf(bodyParameters);
        if (buttonPayload == null || buttonPayload.isBlank()) {
            throw new IllegalArgumentException("a template needs a button payload");
        }
        Objects.requireNonNull(language, "language");
    }

    /** In English, the language of every template before invoices had one. */
    public TemplateParameters(List<String> bodyParameters, String buttonPayload) {
        this(bodyParameters, buttonPayload, Language.EN);
    }
}
