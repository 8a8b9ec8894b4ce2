package ke.invoiceiq.adapters.http.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * {@code Authorization: Bearer <ADMIN_API_KEY>} on every {@link AdminApi} resource method, checked before the
 * body is read. Missing, malformed or wrong → 401 {@code unauthorized} with {@code WWW-Authenticate: Bearer}
 * (RFC 6750); with no key configured every request gets the same 401. Nothing about the presented value is
 * logged or echoed.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"invoiceiq\"";
    private static final String SCHEME = "bearer ";

    private final AdminKey key;

    @Inject
    public BearerAuthFilter(AdminKey key) {
        this.key = key;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            request.abortWith(Problems.unauthorized(CHALLENGE,
                    "Send the API key as 'Authorization: Bearer <ADMIN_API_KEY>'."));
            return;
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            request.abortWith(Problems.unauthorized(CHALLENGE + ", error=\"invalid_request\"",
                    "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <ADMIN_API_KEY>'."));
            return;
        }
        if (!key.matches(value.substring(SCHEME.length()).strip())) {
            request.abortWith(Problems.unauthorized(CHALLENGE + ", error=\"invalid_token\"",
                    "The API key is not valid."));
        }
    }
}
