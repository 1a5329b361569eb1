package io.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connection manager (seed 004) knows of one connection: whose it is, since when, when it last sent a
 * frame, where from and with what client, and whether it is still open. Address and user agent are the client's
 * words, kept short and without control characters.
 */
public record ConnectionRecord(ConnectionId id, Member member, Instant createdAt, Instant lastActivity,
        String clientAddress, String userAgent, ConnectionStatus status, Optional<Instant> disconnectedAt) {
    public static final int MAX_ADDRESS_LENGTH = 64;
    public static final int MAX_USER_AGENT_LENGTH = 256;

    public ConnectionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(disconnectedAt, "disconnectedAt");
        clientAddress = capped(clientAddress, MAX_ADDRESS_LENGTH);
        userAgent = capped(userAgent, MAX_USER_AGENT_LENGTH);
    }

    public static ConnectionRecord opened(ConnectionId id, Member member, Instant at, String clientAddress,
            String userAgent) {
        return new ConnectionRecord(id, member, at, at, clientAddress, userAgent, ConnectionStatus.CONNECTED,
                Optional.empty());
    }

    /** Whether nothing has been heard of it since {@code cutoff}: open and silent, or closed before then. */
    public boolean inactiveSince(Instant cutoff) {
        return switch (status) {
            case CONNECTED -> lastActivity.isBefore(cutoff);
            case DISCONNECTED -> disconnectedAt.orElse(lastActivity).isBefore(cutoff);
        };
    }

    static String capped(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c)).limit(max).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }
}
