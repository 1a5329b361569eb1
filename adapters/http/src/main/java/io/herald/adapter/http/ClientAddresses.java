package io.herald.adapter.http;

import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The address a request came from, as the per-address limits count it. A client may write any forwarding header it
 * likes, so one is believed only where a proxy in front is known to append to it: then the last entry (the one that
 * proxy wrote) counts, never what the client put before it. Named in {@code herald.limits.client-address-header}, it
 * is always used; otherwise the connection's peer is, and where the runtime knows no peer (API Gateway in front of
 * Lambda, whose request reports the server's own address for it) the last {@code X-Forwarded-For} entry, which API
 * Gateway appends.
 */
final class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String UNKNOWN = "unknown";

    private final Optional<String> trustedHeader;

    ClientAddresses(Optional<String> trustedHeader) {
        this.trustedHeader = trustedHeader;
    }

    String of(HttpRequest<?> request) {
        if (trustedHeader.isPresent()) {
            return lastEntry(request, trustedHeader.get()).or(() -> peer(request)).orElse(UNKNOWN);
        }
        return peer(request).or(() -> lastEntry(request, FORWARDED_FOR)).orElse(UNKNOWN);
    }

    private static Optional<String> peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || Objects.equals(remote, request.getServerAddress())) {
            return Optional.empty();
        }
        return Optional.of(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }

    /** The last entry over every line of the header: the one the nearest proxy appended. */
    private static Optional<String> lastEntry(HttpRequest<?> request, String header) {
        List<String> lines = request.getHeaders().getAll(header);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] entries = lines.getLast().split(",");
        String last = entries[entries.length - 1].strip();
        return last.isEmpty() || last.length() > 64 ? Optional.empty() : Optional.of(last);
    }
}
