package ke.invoiceiq.bootstrap.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code DATABASE_URL} in the libpq URI form that Fly.io, Supabase, Heroku and Render hand out, turned into the
 * JDBC URL and credentials Quarkus' datasource takes:
 *
 * <pre>
 * postgres://user:p%40ss@db.example.com:6543/invoiceiq?sslmode=require
 *   → jdbc:postgresql://db.example.com:6543/invoiceiq?sslmode=require, user "user", password "p@ss"
 * </pre>
 *
 * <ul>
 *   <li>scheme {@code postgres://} or {@code postgresql://} (any case);</li>
 *   <li>user and password percent-decoded (UTF-8); both optional (trust or peer authentication);</li>
 *   <li>port 5432 when none is given; an IPv6 host in brackets ({@code [::1]}); several {@code host:port}
 *       pairs separated by commas, as libpq and the PostgreSQL JDBC driver both allow;</li>
 *   <li>the database name and the query ({@code sslmode=require}, …) are passed on to the JDBC URL unchanged;
 *       the driver decodes them itself.</li>
 * </ul>
 *
 * A {@code jdbc:postgresql:} URL is passed through as it is, without credentials. Errors say what is wrong and
 * never repeat any part of the value: a part the parser took for the port may be a piece of a password that
 * was not percent-encoded.
 *
 * @param jdbcUrl  the JDBC URL, without credentials
 * @param username the user, if the URL has one
 * @param password the password, if the URL has one
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    /** The environment variable this form comes from. */
    public static final String VARIABLE = "DATABASE_URL";

    /** The port PostgreSQL listens on unless the URL says otherwise. */
    public static final int DEFAULT_PORT = 5432;

    private static final String EXPECTED = " Expected postgres://user:password@host:5432/database?sslmode=require "
            + "(postgresql:// works too; percent-encode reserved characters in the user and password, e.g. @ as %40)."
            + " The value is not shown.";

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses a {@code DATABASE_URL}.
     *
     * @throws InvalidDatabaseUrlException when the value is not a PostgreSQL URL; the message never contains
     *                                     the value or any part of it
     */
    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("it is empty.");
        }
        String url = raw.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        String rest;
        if (lower.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else {
            throw invalid("it does not start with postgres:// or postgresql://.");
        }
        if (rest.chars().anyMatch(c -> c <= ' ')) {
            throw invalid("it contains a space or a control character.");
        }

        // The authority ends at the first '/', '?' or '#'; the user info ends at its last '@'.
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostList = at < 0 ? authority : authority.substring(at + 1);

        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            username = Optional.of(decode(rawUser, "user")).filter(s -> !s.isEmpty());
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1), "password")).filter(s -> !s.isEmpty());
            }
        }

        List<String> hosts = new ArrayList<>();
        for (String hostPort : hostList.split(",", -1)) {
            hosts.add(hostAndPort(hostPort));
        }

        int fragment = afterAuthority.indexOf('#');
        if (fragment >= 0) {
            afterAuthority = afterAuthority.substring(0, fragment);
        }
        int query = afterAuthority.indexOf('?');
        String path = query < 0 ? afterAuthority : afterAuthority.substring(0, query);
        String queryString = query < 0 ? "" : afterAuthority.substring(query + 1);
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            throw invalid("it names no database (…@host:5432/database).");
        }
        if (database.contains("/")) {
            throw invalid("the database name contains a '/'.");
        }
        decode(database, "database name"); // only to reject a malformed %-escape; the driver decodes it itself

        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(String.join(",", hosts))
                .append('/').append(database);
        if (!queryString.isEmpty()) {
            jdbc.append('?').append(queryString);
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username.orElse("(none)") + ", password="
                + (password.isPresent() ? "***" : "(none)") + "]";
    }

    private static String hostAndPort(String hostPort) {
        if (hostPort.isEmpty()) {
            throw invalid("it names no host (…@host:5432/database).");
        }
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid("an IPv6 host has no closing ']'.");
            }
            host = hostPort.substring(0, close + 1);
            String tail = hostPort.substring(close + 1);
            if (tail.isEmpty()) {
                port = null;
            } else if (tail.startsWith(":")) {
                port = tail.substring(1);
            } else {
                throw invalid("an IPv6 host is followed by something other than :port.");
            }
            if (host.length() <= 2 || !host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+(%[\\w.~-]+)?")) {
                throw invalid("an IPv6 host in brackets is not an IPv6 address.");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid("it names no host (…@host:5432/database).");
            }
            if (host.contains(":")) {
                throw invalid("an IPv6 host must be written in brackets, e.g. [::1]:5432.");
            }
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw invalid("the host contains a character a host name cannot have"
                        + " (a password with '/', '?', '#' or '@' must be percent-encoded).");
            }
        }
        return host + ":" + port(port);
    }

    private static int port(String port) {
        if (port == null || port.isEmpty()) {
            return DEFAULT_PORT;
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid("the port is not a number from 1 to 65535"
                    + " (a password with '/', '?', '#' or '@' must be percent-encoded).");
        }
        return Integer.parseInt(port);
    }

    /** Percent-decodes a URL part as UTF-8; unlike {@code URLDecoder}, a '+' stays a '+'. */
    private static String decode(String part, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    throw invalid("the " + what + " has a '%' that is not followed by two hex digits.");
                }
                bytes.write(Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < part.length()) {
                    utf8 = part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("the " + what + " is not valid UTF-8 once percent-decoded.");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidDatabaseUrlException invalid(String problem) {
        return new InvalidDatabaseUrlException(problem);
    }

    /** A {@code DATABASE_URL} that cannot be used; the message never contains the value or a part of it. */
    public static final class InvalidDatabaseUrlException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String problem;

        InvalidDatabaseUrlException(String problem) {
            super(VARIABLE + " is not a valid PostgreSQL URL: " + problem + EXPECTED);
            this.problem = problem;
        }

        /** What is wrong, in a few words, e.g. "it names no database (…@host:5432/database)." */
        public String problem() {
            return problem;
        }
    }
}
