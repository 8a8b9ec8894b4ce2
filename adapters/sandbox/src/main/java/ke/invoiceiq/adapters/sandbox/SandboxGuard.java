package ke.invoiceiq.adapters.sandbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * With the sandbox off, its endpoints do not exist: every request to one is answered 404 with an empty body, before
 * the resource is reached, exactly as for a path nobody serves. (The switch is read at runtime, so one packaged
 * artifact serves both; the prod profile refuses to start with it on.)
 *
 * <p>The settings are looked up on the first request, not when the filter is made: RESTEasy makes its filters while
 * the application is still being set up, before the application's configuration mappings exist.
 */
@Provider
@SandboxOnly
@Priority(Priorities.AUTHENTICATION - 100)
public class SandboxGuard implements ContainerRequestFilter {

    private final Instance<SandboxSettings> settings;

    @Inject
    public SandboxGuard(Instance<SandboxSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.get().enabled()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
