package ke.invoiceiq.adapters.http.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The API's two exception mappers, both narrow on purpose so no other resource's answer changes:
 * <ul>
 * <li>{@link ApiProblemException}, which only this package throws, becomes its problem response;</li>
 * <li>a method the API paths do not have ({@code DELETE /invoices}) becomes a 405 problem that keeps the
 * {@code Allow} header. On every other path (webhooks, callbacks, the pay page) the 405 is left exactly as the
 * framework gives it.</li>
 * </ul>
 * Request bodies are read by {@link ApiJson} itself, so no Jackson exception ever reaches the framework from the
 * API, and none is mapped here.
 */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ApiProblemException e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, UriInfo uri) {
        if (!ApiPaths.isApi(uri.getPath())) {
            return e.getResponse();
        }
        Optional<String> allow = Optional.ofNullable(e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                .or(() -> ApiPaths.allowed(uri.getPath()));
        var answer = Problems.build(ProblemType.METHOD_NOT_ALLOWED, new ProblemJson(
                ProblemType.METHOD_NOT_ALLOWED.uri(), ProblemType.METHOD_NOT_ALLOWED.title(), 405,
                allow.map(a -> "This URL answers " + a + ".").orElse("This URL does not answer that method."),
                null, null));
        allow.ifPresent(a -> answer.header(HttpHeaders.ALLOW, a));
        return answer.build();
    }
}
