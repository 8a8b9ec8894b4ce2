package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Safaricom Daraja (M-PESA Express) app, read from the {@code MPESA_*} environment variables. Credentials are
 * optional here (dev and test run without an account) and required in prod, where their formats are checked too
 * ({@link RequiredSecrets}); secrets never print.
 */
@ConfigMapping(prefix = "mpesa")
public interface MpesaConfig {

    /** Which Daraja environment ({@code MPESA_ENV}): {@code sandbox} or {@code production}. */
    @WithDefault("sandbox")
    Environment env();

    /** The Daraja app's consumer key, for OAuth ({@code MPESA_CONSUMER_KEY}). */
    Optional<SecretValue> consumerKey();

    /** The Daraja app's consumer secret ({@code MPESA_CONSUMER_SECRET}). */
    Optional<SecretValue> consumerSecret();

    /** The paybill number, or the store number of a till ({@code MPESA_SHORTCODE}, 5 to 7 digits). */
    Optional<String> shortcode();

    /** The Lipa Na M-PESA Online passkey that, with the shortcode and a timestamp, makes the STK password. */
    Optional<SecretValue> passkey();

    /** {@code CustomerPayBillOnline} (paybill) or {@code CustomerBuyGoodsOnline} (till) ({@code MPESA_TRANSACTION_TYPE}). */
    @WithDefault("CustomerPayBillOnline")
    String transactionType();

    /** The receiving party when it differs from the shortcode: the till number for buy goods ({@code MPESA_PARTY_B}). */
    Optional<String> partyB();

    /**
     * The public HTTPS URL Daraja posts results to ({@code MPESA_CALLBACK_URL}); it ends in
     * {@code /payments/stk/callback/} followed by {@link #callbackToken()}, so it is a secret too.
     */
    Optional<SecretValue> callbackUrl();

    /** The secret {@code {token}} of {@code /payments/stk/callback/{token}} ({@code MPESA_CALLBACK_TOKEN}). */
    Optional<SecretValue> callbackToken();

    /**
     * The token being rotated in ({@code MPESA_CALLBACK_TOKEN_NEXT}): accepted alongside {@link #callbackToken()}, so
     * callbacks to the old and the new {@link #callbackUrl()} both arrive (docs/RUNBOOK.md, "Rotating secrets").
     */
    Optional<SecretValue> callbackTokenNext();

    /** An explicit API base URL ({@code MPESA_BASE_URL}), for tests; see {@link #effectiveBaseUrl()}. */
    Optional<URI> baseUrl();

    /** Who may post STK callbacks: the optional source-address check of {@code /payments/stk/callback/{token}}. */
    Callback callback();

    /**
     * Payments outside the STK prompt, to the Paybill or Till from the M-PESA menu (Daraja C2B, docs/daraja.md).
     * Off unless {@code MPESA_C2B_PAYBILL} or {@code MPESA_C2B_TILL} is set; prod starts without either.
     */
    C2b c2b();

    /** The C2B settings ({@code mpesa.c2b.*}). */
    interface C2b {

        /**
         * The Paybill number customers pay with the invoice id as account number ({@code MPESA_C2B_PAYBILL}, 5 to 7
         * digits); empty for none. When set, every invoice message, SMS and the pay page say so.
         */
        Optional<String> paybill();

        /** The Till (Buy Goods) number ({@code MPESA_C2B_TILL}); its payments are matched by amount and time. */
        Optional<String> till();

        /**
         * Whether a validation request is answered by looking the account number up ({@code MPESA_C2B_VALIDATION});
         * Safaricom sends it only once it has switched external validation on for the short code.
         */
        @WithDefault("false")
        boolean validation();

        /**
         * What M-PESA does with a payment when the validation URL does not answer in time, registered with the URLs
         * ({@code MPESA_C2B_RESPONSE_TYPE}): {@code Completed} or {@code Cancelled}.
         */
        @WithDefault("Completed")
        String responseType();

        /**
         * How long after an invoice reached the customer a payment without a usable account number may still be
         * matched to it by amount ({@code MPESA_C2B_TILL_MATCH_WINDOW}).
         */
        @WithDefault("P7D")
        java.time.Duration tillMatchWindow();
    }

    /** Whether every key a push needs is set: consumer key and secret, shortcode, passkey and callback URL. */
    default boolean configured() {
        return Stream.of(consumerKey(), consumerSecret(), passkey(), callbackUrl())
                .allMatch(secret -> secret.filter(s -> !s.reveal().isBlank()).isPresent())
                && shortcode().filter(s -> !s.isBlank()).isPresent();
    }

    /** {@code MPESA_BASE_URL} if set, else the base URL of {@link #env()} (docs/daraja.md). */
    default URI effectiveBaseUrl() {
        return baseUrl().orElseGet(() -> env().baseUrl());
    }

    /** The source-address policy of the STK callback ({@code mpesa.callback.*}). */
    interface Callback {

        /** The Safaricom source-address allowlist ({@code mpesa.callback.ip-allowlist.*}). */
        IpAllowlist ipAllowlist();

        /**
         * Where the caller's address is read ({@code MPESA_CALLBACK_CLIENT_ADDRESS}): {@code socket}, the TCP peer
         * (unset: the default); {@code fly-client-ip}, the header Fly.io's proxy sets; {@code x-forwarded-for}, the
         * entry {@link #trustedProxyHops()} from the right. Only name a header a proxy in front of the service sets.
         */
        Optional<ClientAddress> clientAddress();

        /**
         * How many proxies in front of the service append to {@code X-Forwarded-For}
         * ({@code MPESA_CALLBACK_TRUSTED_PROXY_HOPS}): the caller is the entry this far from the right.
         */
        @WithDefault("1")
        int trustedProxyHops();

        /**
         * Replaced by {@link #clientAddress()} ({@code MPESA_CALLBACK_TRUST_FORWARDED_FOR}): {@code true} with no
         * client address set reads as {@code x-forwarded-for}, and a warning is logged.
         */
        @Deprecated
        @WithDefault("false")
        boolean trustForwardedFor();

        /** The sources of {@link #clientAddress()}. */
        enum ClientAddress {
            SOCKET, FLY_CLIENT_IP, X_FORWARDED_FOR
        }

        /** The allowlist of callback source addresses. */
        interface IpAllowlist {

            /** Whether only allowlisted addresses may post callbacks; others get 403 ({@code MPESA_CALLBACK_IP_ALLOWLIST_ENABLED}). */
            @WithDefault("false")
            boolean enabled();

            /** The allowed addresses instead of Safaricom's 12 published ones ({@code MPESA_CALLBACK_IP_ALLOWLIST_ADDRESSES}, comma-separated). */
            Optional<List<String>> addresses();
        }
    }

    /** Payments customers make from the M-PESA menu, without the STK prompt. */
    /** A Daraja environment and its API base URL. */
    enum Environment {
        SANDBOX("https://sandbox.safaricom.co.ke"),
        PRODUCTION("https://api.safaricom.co.ke");

        private final URI baseUrl;

        Environment(String baseUrl) {
            this.baseUrl = URI.create(baseUrl);
        }

        /** The API base URL of this environment. */
        public URI baseUrl() {
            return baseUrl;
        }
    }
}
