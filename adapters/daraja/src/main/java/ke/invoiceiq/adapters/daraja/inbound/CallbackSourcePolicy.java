package ke.invoiceiq.adapters.daraja.inbound;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The optional source-IP allowlist for STK callbacks (docs/daraja.md). Daraja does not sign callbacks, so the
 * secret path token is the authentication; the allowlist is a second, optional fence.
 *
 * <p>Off by default. When on, the caller's address is read from one place only ({@link ClientAddress}): the TCP
 * peer (the default), the {@code Fly-Client-IP} header that Fly.io's proxy sets, or {@code X-Forwarded-For} behind a
 * known number of trusted proxies. The header's left part is whatever the caller sent, so only the entries the trusted
 * proxies appended count: with {@code n} trusted hops the address is the {@code n}-th entry from the right (with one
 * proxy, the last entry). A header with fewer entries than that, or none, has no trustworthy address and is refused.
 * Never pick a header mode without a proxy in front that sets it, or anyone can claim a Safaricom address. Addresses
 * are compared as literal text (after trimming and unwrapping an IPv4-mapped IPv6 form): nothing is ever resolved
 * through DNS.
 */
final class CallbackSourcePolicy {

    /** The 12 source addresses Safaricom publishes for Daraja callbacks (docs/daraja.md). */
    static final List<String> SAFARICOM_CALLBACK_IPS = List.of(
            "196.201.214.200", "196.201.214.206", "196.201.213.114", "196.201.214.207",
            "196.201.214.208", "196.201.213.44", "196.201.212.127", "196.201.212.138",
            "196.201.212.129", "196.201.212.136", "196.201.212.74", "196.201.212.69");

    static final String FLY_CLIENT_IP = "Fly-Client-IP";
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final String MAPPED_V4 = "::ffff:";

    /** Where the caller's address is read ({@code mpesa.callback.client-address}). */
    enum ClientAddress {
        /** The TCP peer: the service is reached directly, or through a proxy that keeps the client's address. */
        SOCKET,
        /** {@code Fly-Client-IP}, which Fly.io's proxy sets to the address it was called from. */
        FLY_CLIENT_IP,
        /** The entry of {@code X-Forwarded-For} that the outermost of the trusted proxies appended. */
        X_FORWARDED_FOR;

        /**
         * The configured value, if any; else {@link #X_FORWARDED_FOR} when the setting it replaced,
         * {@code mpesa.callback.trust-forwarded-for}, is true (which used to take the first entry, the caller's own),
         * else {@link #SOCKET}.
         */
        static ClientAddress configured(Optional<String> value, boolean trustForwardedFor) {
            return value.filter(v -> !v.isBlank()).map(ClientAddress::parse)
                    .orElse(trustForwardedFor ? X_FORWARDED_FOR : SOCKET);
        }

        /** {@code socket}, {@code fly-client-ip} or {@code x-forwarded-for}, in any case. */
        static ClientAddress parse(String value) {
            String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("mpesa.callback.client-address must be socket,"
                            + " fly-client-ip or x-forwarded-for, not '" + value.strip() + "'"));
        }
    }

    private final boolean enabled;
    private final ClientAddress from;
    private final int trustedHops;
    private final Set<String> allowed;

    CallbackSourcePolicy(boolean enabled, ClientAddress from, int trustedHops, List<String> allowed) {
        if (trustedHops < 1) {
            throw new IllegalArgumentException("mpesa.callback.trusted-proxy-hops must be at least 1");
        }
        this.enabled = enabled;
        this.from = from;
        this.trustedHops = trustedHops;
        this.allowed = allowed.stream().map(CallbackSourcePolicy::normalise).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The address the decision is made on, if one can be trusted.
     *
     * @param peer    the TCP peer's address
     * @param headers every value of a request header, by name (none: an empty list)
     */
    Optional<String> source(Optional<String> peer, Function<String, List<String>> headers) {
        return switch (from) {
            case SOCKET -> peer.map(CallbackSourcePolicy::normalise).filter(s -> !s.isEmpty());
            // Fly's proxy replaces the header; more than one value did not come from it alone
            case FLY_CLIENT_IP -> Optional.of(headers.apply(FLY_CLIENT_IP)).filter(values -> values.size() == 1)
                    .map(values -> normalise(values.getFirst())).filter(s -> !s.isEmpty());
            case X_FORWARDED_FOR -> appendedByTrustedProxies(headers.apply(FORWARDED_FOR));
        };
    }

    /** Several header lines are one list, in order (RFC 9110, 5.3); the trusted proxies' entries are the last ones. */
    private Optional<String> appendedByTrustedProxies(List<String> values) {
        List<String> hops = values.stream().flatMap(value -> Arrays.stream(value.split(",", -1)))
                .map(CallbackSourcePolicy::normalise).toList();
        if (hops.size() < trustedHops) {
            return Optional.empty();
        }
        return Optional.of(hops.get(hops.size() - trustedHops)).filter(s -> !s.isEmpty());
    }

    /** True when the allowlist is off, or the source is on it. */
    boolean permits(Optional<String> peer, Function<String, List<String>> headers) {
        if (!enabled) {
            return true;
        }
        return source(peer, headers).filter(allowed::contains).isPresent();
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
