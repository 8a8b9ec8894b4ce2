package ke.invoiceiq.adapters.http.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import ke.invoiceiq.domain.audit.AdminAction;

/**
 * Marks a merchant API method as an admin action: {@link AdminAuditFilter} keeps every call of it that got past the
 * key check in the audit trail, with the key's fingerprint, the {@code {id}} of its path and how it ended. On the
 * method, so a new action cannot be audited by accident nor an existing one forgotten by a path change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    AdminAction value();
}
