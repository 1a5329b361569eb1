package io.herald.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Identifies a game event so that a retry of the same event gets the same id: it is the unit of idempotency
 * and the last segment of every inbox key the event produces.
 */
public record EventId(String value) {
    public EventId {
        Ids.require(value, "event id");
    }

    /**
     * The seed's function: {@code {eventType}-{first 16 hex of sha256(non-empty components joined by "|")}}.
     * Components are, in order, sessionId, eventType, playerId, nodeId, objectId, puzzleId and any further
     * discriminator (such as a puzzle attempt number); null or empty ones are skipped.
     */
    public static EventId deterministic(String eventType, List<String> components) {
        Objects.requireNonNull(eventType, "eventType");
        String stable = components.stream()
                .filter(c -> c != null && !c.isEmpty())
                .collect(Collectors.joining("|"));
        byte[] digest = sha256().digest(stable.getBytes(StandardCharsets.UTF_8));
        return new EventId(eventType + "-" + HexFormat.of().formatHex(digest).substring(0, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
