package ke.invoiceiq.domain.messaging;

import java.util.List;

/** Values for the approved invoice template's body variables, and the payload of its quick-reply button. */
public record TemplateParameters(List<String> bodyParameters, String buttonPayload) {
    public TemplateParameters {
        bodyParameters = List.copyOf(bodyParameters);
        if (buttonPayload == null || buttonPayload.isBlank()) {
            throw new IllegalArgumentException("a template needs a button payload");
        }
    }
}
