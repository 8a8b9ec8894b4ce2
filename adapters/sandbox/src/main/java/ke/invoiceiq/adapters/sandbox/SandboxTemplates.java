package ke.invoiceiq.adapters.sandbox;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The phone simulator page, {@code src/main/resources/templates/sandbox/page.html} (HTML: every value escaped). */
@CheckedTemplate(basePath = "sandbox")
public final class SandboxTemplates {

    private SandboxTemplates() {
    }

    /** The two phones side by side; {@code sandbox.js} brings them to life. */
    public static native TemplateInstance page(SandboxPage page);
}
