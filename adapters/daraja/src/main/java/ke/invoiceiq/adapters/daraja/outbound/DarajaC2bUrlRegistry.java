package ke.invoiceiq.adapters.daraja.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.C2bUrlRegistry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@link C2bUrlRegistry} on Daraja's C2B register URL API, version 2 (docs/daraja.md, "C2B: Paybill and Till"):
 * {@code POST /mpesa/c2b/v2/registerurl} with {@code ShortCode}, {@code ResponseType} ({@code Completed} or
 * {@code Cancelled}), {@code ConfirmationURL} and {@code ValidationURL}, under the same OAuth token as the STK calls.
 * The URLs carry the callback token, so they are never logged.
 */
@ApplicationScoped
public class DarajaC2bUrlRegistry implements C2bUrlRegistry {

    private static final Logger LOG = Logger.getLogger(DarajaC2bUrlRegistry.class);

    private final DarajaClient client;
    private final DarajaTokens tokens;

    @Inject
    DarajaC2bUrlRegistry(DarajaClient client, DarajaTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Override
    public C2bRegistration.Outcome register(C2bRegistration registration) {
        if (!tokens.configured()) {
            return new C2bRegistration.Outcome.Unavailable("not-configured");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ShortCode", registration.shortCode());
        body.put("ResponseType", registration.whenUnreachable() == C2bRegistration.WhenUnreachable.COMPLETED
                ? "Completed" : "Cancelled");
        body.put("ConfirmationURL", registration.confirmationUrl());
        body.put("ValidationURL", registration.validationUrl());
        try {
            JsonNode answer = withToken(body);
            String code = text(answer, "ResponseCode").orElse("0");
            String description = text(answer, "ResponseDescription").orElse("");
            if (!code.equals("0")) {
                LOG.warnf("C2B URLs for short code %s not registered: ResponseCode %s", registration.shortCode(),
                        code.replaceAll("\\W", ""));
                return new C2bRegistration.Outcome.Refused(code, description);
            }
            LOG.infof("C2B URLs registered for short code %s", registration.shortCode());
            return new C2bRegistration.Outcome.Registered(description);
        } catch (DarajaFailure.Rejected | DarajaFailure.InvalidToken | DarajaFailure.SubscriberLocked e) {
            LOG.warnf("C2B URLs for short code %s refused: %s", registration.shortCode(), e.kind());
            return new C2bRegistration.Outcome.Refused(e.kind(), "Daraja refused the registration");
        } catch (DarajaFailure e) {
            return new C2bRegistration.Outcome.Unavailable(e.kind());
        } catch (CircuitBreakerOpenException e) {
            return new C2bRegistration.Outcome.Unavailable("circuit-open");
        } catch (TimeoutException e) {
            return new C2bRegistration.Outcome.Unavailable("timeout");
        } catch (ProcessingException e) {
            return new C2bRegistration.Outcome.Unavailable("io");
        }
    }

    private JsonNode withToken(Map<String, Object> body) {
        String token = tokens.token();
        try {
            return client.c2bRegisterUrl("Bearer " + token, body);
        } catch (DarajaFailure.InvalidToken e) {
            tokens.invalidate(token);
            return client.c2bRegisterUrl("Bearer " + tokens.token(), body);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().strip());
    }
}
