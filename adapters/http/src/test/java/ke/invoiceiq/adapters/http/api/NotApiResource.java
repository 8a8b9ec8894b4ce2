package ke.invoiceiq.adapters.http.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A resource that is not the API's (test only), to prove the API's mappers leave other resources' errors alone. */
@Path(NotApiResource.PATH)
public class NotApiResource {

    static final String PATH = "/not-the-api";

    @GET
    @Operation(hidden = true)
    public String hello() {
        return "hello";
    }
}
