package ke.invoiceiq.adapters.sandbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's driving endpoints, as the other adapters serve them, played in the sandbox module's tests: they
 * check what the real ones check (the signature, the path tokens) and keep every call that passed.
 */
@Path("/")
@Singleton
public class FakeProviderEndpoints {

    /** One call that passed the checks. */
    public record Call(String endpoint, byte[] body, String contentType) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : text().split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final List<String> REFUSED = new CopyOnWriteArrayList<>();

    private final String appSecret;
    private final String stkToken;
    private final String smsToken;

    @Inject
    public FakeProviderEndpoints(@ConfigProperty(name = "waba.app-secret") String appSecret,
            @ConfigProperty(name = "mpesa.callback-token") String stkToken,
            @ConfigProperty(name = "sms.callback-token") String smsToken) {
        this.appSecret = appSecret;
        this.stkToken = stkToken;
        this.smsToken = smsToken;
    }

    @POST
    @Path("whatsapp/webhook")
    public Response webhook(@HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("Content-Type") String type, InputStream body) throws IOException {
        byte[] raw = body.readAllBytes();
        if (signature == null || !signature.equals(Hmac.metaSignature(raw, appSecret))) {
            REFUSED.add("webhook");
            return Response.status(401).build();
        }
        CALLS.add(new Call("webhook", raw, type));
        return Response.ok().build();
    }

    @POST
    @Path("sms/{kind: inbound|status}/{token}")
    public Response sms(@PathParam("kind") String kind, @PathParam("token") String token,
            @HeaderParam("Content-Type") String type, InputStream body) throws IOException {
        byte[] raw = body.readAllBytes();
        if (!smsToken.equals(token)) {
            REFUSED.add("sms-" + kind);
            return Response.status(401).build();
        }
        CALLS.add(new Call("sms-" + kind, raw, type));
        return Response.ok().build();
    }

    @POST
    @Path("payments/stk/callback/{token}")
    public Response stk(@PathParam("token") String token, @HeaderParam("Content-Type") String type,
            InputStream body) throws IOException {
        byte[] raw = body.readAllBytes();
        if (!stkToken.equals(token)) {
            REFUSED.add("stk");
            return Response.status(401).build();
        }
        CALLS.add(new Call("stk", raw, type));
        return Response.ok("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}").build();
    }
}
