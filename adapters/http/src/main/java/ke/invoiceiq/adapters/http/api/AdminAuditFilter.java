package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.domain.audit.AuditEntry;
import ke.invoiceiq.domain.audit.KeyFingerprint;
import org.jboss.logging.Logger;

/**
 * The audit trail of the {@link Audited} methods. It runs after {@link BearerAuthFilter} (authorization comes after
 * authentication), so a request it sees carries a key that was accepted: it keeps the {@link KeyFingerprint} of
 * that key (the first 12 hex digits of its SHA-256; the key itself is never kept nor logged), and once the answer
 * is made it records the action, the path's {@code {id}} (an export's {@code from/to}) and the outcome: the status and the problem type's slug, or
 * the {@code result} of a 2xx answer ({@code 202 reminded}, {@code 409 invoice-already-paid}), with
 * {@code replayed} when an Idempotency-Key repeated an earlier answer. A refused key (401) is not an admin action
 * and is not recorded; a refused request (400, 404, 409…) is.
 *
 * <p>The entry is written after the action, in its own transaction. Should that write fail, the action has happened
 * all the same: the answer goes out unchanged (a client must not retry what was done) and the failure is logged
 * as an error with the action and target, for the operator to note by hand.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHORIZATION)
public class AdminAuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String KEY_PROPERTY = AdminAuditFilter.class.getName() + ".key";

    private static final Logger LOG = Logger.getLogger(AdminAuditFilter.class);
    private static final String SCHEME = "bearer ";

    @Context
    ResourceInfo resource;

    private final RecordAdminActionUseCase audit;

    @Inject
    public AdminAuditFilter(RecordAdminActionUseCase audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (audited().isEmpty()) {
            return;
        }
        // BearerAuthFilter accepted this header, so it is "Bearer <key>" (any case, any spacing around)
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION).strip();
        request.setProperty(KEY_PROPERTY, fingerprint(header.substring(SCHEME.length()).strip()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Audited> audited = audited();
        if (audited.isEmpty() || !(request.getProperty(KEY_PROPERTY) instanceof KeyFingerprint key)) {
            return;
        }
        Optional<String> target = target(request).filter(AuditEntry::isTarget);
        String outcome = outcome(response.getStatus(), response.getEntity(),
                "true".equals(response.getHeaderString(IdempotentEndpoint.REPLAYED)));
        try {
            audit.record(key, audited.get().value(), target, outcome);
        } catch (RuntimeException e) {
            LOG.errorf("admin action %s on %s was answered %s but could not be kept in the audit trail: %s",
                    audited.get().value(), target.orElse("-"), outcome, e.getClass().getSimpleName());
        }
    }

    /** The path's {@code {id}}; for an export, which has none, its range as {@code from/to}. */
    private static Optional<String> target(ContainerRequestContext request) {
        Optional<String> id = Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst("id"));
        if (id.isPresent()) {
            return id;
        }
        var query = request.getUriInfo().getQueryParameters();
        String from = query.getFirst("from");
        String to = query.getFirst("to");
        return from == null || to == null ? Optional.empty() : Optional.of(from.strip() + "/" + to.strip());
    }

    /** The first 12 hex digits of the SHA-256 of {@code key}. */
    static KeyFingerprint fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new KeyFingerprint(HexFormat.of().formatHex(digest).substring(0, KeyFingerprint.LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code <status>[ <problem slug or result>][ replayed]}, within what an audit entry holds. */
    static String outcome(int status, Object entity, boolean replayed) {
        StringBuilder outcome = new StringBuilder(String.valueOf(status));
        word(entity).ifPresent(w -> outcome.append(' ').append(w));
        if (replayed) {
            outcome.append(" replayed");
        }
        return outcome.length() <= AuditEntry.MAX_OUTCOME ? outcome.toString()
                : outcome.substring(0, AuditEntry.MAX_OUTCOME);
    }

    private static Optional<String> word(Object entity) {
        if (!(entity instanceof String json)) {
            return Optional.empty();
        }
        Optional<JsonNode> body = ApiJson.readOwn(json, JsonNode.class).filter(JsonNode::isObject);
        Optional<String> slug = body.map(b -> b.path("type").asText(""))
                .filter(type -> type.startsWith(ProblemType.BASE))
                .map(type -> type.substring(ProblemType.BASE.length()));
        return slug.or(() -> body.map(b -> b.path("result").asText("")))
                .filter(w -> w.matches("[a-z0-9_-]{1,60}"));
    }

    private Optional<Audited> audited() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return Optional.ofNullable(method).map(m -> m.getAnnotation(Audited.class));
    }
}
