package ke.invoiceiq.adapters.http.pay;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pay page's type-safe templates, {@code src/main/resources/templates/pay/*.html} (the {@code .html} suffix
 * makes Qute escape every value). Each takes the nonce that lets its inline style sheet past the
 * Content-Security-Policy.
 */
@CheckedTemplate(basePath = "pay")
public final class PayTemplates {

    private PayTemplates() {
    }

    /** The invoice, its state and, when payable, the "Pay with M-PESA" form. */
    public static native TemplateInstance page(PayPage page, String cspNonce);

    /** One page for every link that leads nowhere: unknown and malformed tokens alike. */
    public static native TemplateInstance notFound(String businessName, PayWords words, String cspNonce);

    /** Something failed on our side (the database is down): try again shortly. */
    public static native TemplateInstance unavailable(String businessName, PayWords words, String cspNonce);
}
