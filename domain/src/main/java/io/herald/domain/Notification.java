package io.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-way, persistent alert to one player (seed 003), from the system or from a character. {@code metadata} is a
 * JSON object the game gives and gets back as it was (at most {@value #MAX_METADATA_LENGTH} characters).
 */
public record Notification(NotificationId id, Member recipient, String type, String title, String message,
        Priority priority, String metadata, Optional<String> fromCharacter, Instant createdAt,
        Optional<Instant> readAt, Optional<Instant> dismissedAt) {
    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_MESSAGE_LENGTH = 2_000;
    public static final int MAX_METADATA_LENGTH = 4_096;

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(fromCharacter, "fromCharacter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(dismissedAt, "dismissedAt");
        Ids.require(type, "notification type");
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("a notification type is at most " + MAX_TYPE_LENGTH + " characters");
        }
        requireText(title, "title", MAX_TITLE_LENGTH);
        requireText(message, "message", MAX_MESSAGE_LENGTH);
        fromCharacter.ifPresent(c -> Ids.require(c, "character id"));
        if (metadata.length() > MAX_METADATA_LENGTH) {
            throw new IllegalArgumentException("metadata is at most " + MAX_METADATA_LENGTH + " characters");
        }
    }

    private static void requireText(String text, String what, int max) {
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > max
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("a notification's " + what + " is 1 to " + max
                    + " characters without control characters");
        }
    }

    public boolean isRead() {
        return readAt.isPresent();
    }

    public boolean isDismissed() {
        return dismissedAt.isPresent();
    }
}
