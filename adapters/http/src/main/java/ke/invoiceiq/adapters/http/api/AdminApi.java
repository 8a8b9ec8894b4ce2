package ke.invoiceiq.adapters.http.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the merchant API's resources: {@link BearerAuthFilter} runs for exactly the methods these classes
 * declare. Binding by resource, not by path prefix, means no spelling of a URL (trailing slash, double slash,
 * percent-encoding) can reach an API method without the key, and no other resource (webhooks, SMS and STK
 * callbacks, the pay page, {@code /q/*}, {@code /docs}) is ever asked for it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {
}
