package ke.invoiceiq.adapters.daraja.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The optional source-IP allowlist for STK callbacks (docs/daraja.md). Daraja does not sign callbacks, so the
 * secret path token is the authentication; the allowlist is a second, optional fence.
 *
 * <p>Off by default. When on, the address checked is the TCP peer's, or, only when {@code trustForwardedFor}
 * is set (behind Fly.io's or a k8s ingress' proxy, which sets the header), the <b>first</b> hop of
 * {@code X-Forwarded-For}: the original client as the proxy saw it. Never trust the header without a proxy in
 * front that overwrites it, or anyone can claim a Safaricom address. Addresses are compared as literal text
 * (after trimming and unwrapping an IPv4-mapped IPv6 form): nothing is ever resolved through DNS.
 */
final class CallbackSourcePolicy {

    /** The 12 source addresses Safaricom publishes for Daraja callbacks (docs/daraja.md). */
    static final List<String> SAFARICOM_CALLBACK_IPS = List.of(
            "196.201.214.200", "196.201.214.206", "196.201.213.114", "196.201.214.207",
            "196.201.214.208", "196.201.213.44", "196.201.212.127", "196.201.212.138",
            "196.201.212.129", "196.201.212.136", "196.201.212.74", "196.201.212.69");

    private static final String MAPPED_V4 = "::ffff:";

    private final boolean enabled;
    private final boolean trustForwardedFor;
    private final Set<String> allowed;

    CallbackSourcePolicy(boolean enabled, boolean trustForwardedFor, List<String> allowed) {
        this.enabled = enabled;
        this.trustForwardedFor = trustForwardedFor;
        this.allowed = allowed.stream().map(CallbackSourcePolicy::normalise).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean enabled() {
        return enabled;
    }

    /** The address the decision is made on: the peer's, or the first forwarded hop when that is trusted. */
    Optional<String> source(Optional<String> peerAddress, Optional<String> forwardedFor) {
        if (trustForwardedFor) {
            Optional<String> first = forwardedFor.map(h -> h.split(",", 2)[0]).map(CallbackSourcePolicy::normalise)
                    .filter(s -> !s.isEmpty());
            if (first.isPresent()) {
                return first;
            }
        }
        return peerAddress.map(CallbackSourcePolicy::normalise).filter(s -> !s.isEmpty());
    }

    /** True when the allowlist is off, or the source is on it. */
    boolean permits(Optional<String> peerAddress, Optional<String> forwardedFor) {
        if (!enabled) {
            return true;
        }
        return source(peerAddress, forwardedFor).filter(allowed::contains).isPresent();
    }

    static String normalise(String address) {
        String s = address.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith(MAPPED_V4) && s.indexOf('.') > 0) {
            s = s.substring(MAPPED_V4.length());
        }
        return s;
    }
}
