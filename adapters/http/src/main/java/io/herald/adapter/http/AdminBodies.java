package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.domain.ConnectionRecord;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection manager's answers. A connection's {@code disconnectedAt} is {@code null} while it is connected, and
 * its address and user agent are empty when the handshake told none: in neither case is the field left out.
 */
final class AdminBodies {
    private static final String ALWAYS_TRUE = ResponseBodies.ALWAYS_TRUE;

    private AdminBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Connection", requiredProperties = {"connectionId", "sessionId", "playerId", "status", "createdAt",
        "lastActivity", "clientAddress", "userAgent", "disconnectedAt"})
    public record ConnectionItem(String connectionId, String sessionId, String playerId,
            @Schema(allowableValues = {"connected", "disconnected"}) String status,
            @Schema(format = "date-time") String createdAt,
            @Schema(format = "date-time") String lastActivity,
            String clientAddress, String userAgent,
            @Schema(format = "date-time", nullable = true) String disconnectedAt) {

        static ConnectionItem of(ConnectionRecord r) {
            return new ConnectionItem(r.id().value(), r.member().session().value(), r.member().player().value(),
                    r.status().name().toLowerCase(Locale.ROOT), HttpJson.timestamp(r.createdAt()),
                    HttpJson.timestamp(r.lastActivity()), r.clientAddress(), r.userAgent(),
                    r.disconnectedAt().map(HttpJson::timestamp).orElse(null));
        }
    }

    /** A player's or a session's connections come whole; the list of all of them comes a page at a time. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConnectionList", requiredProperties = {"connections", "success"})
    public record ConnectionList(List<ConnectionItem> connections,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ResponseBodies.MORE) String nextCursor,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static ConnectionList of(List<ConnectionRecord> records, Optional<String> nextCursor) {
            return new ConnectionList(records.stream().map(ConnectionItem::of).toList(), nextCursor.orElse(null), true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConnectionStatusChanged", requiredProperties = {"connectionId", "status", "success"})
    public record StatusChanged(String connectionId,
            @Schema(allowableValues = {"connected", "disconnected"}) String status,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        StatusChanged(String connectionId, String status) {
            this(connectionId, status, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConnectionCleanup", description = "Connections silent too long closed, and old records forgotten",
            requiredProperties = {"closed", "forgotten", "inactiveAfterSeconds", "success"})
    public record Cleanup(int closed, int forgotten,
            @Schema(description = "herald.connections.inactive-after, in seconds") long inactiveAfterSeconds,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        Cleanup(int closed, int forgotten, Duration inactiveAfter) {
            this(closed, forgotten, inactiveAfter.toSeconds(), true);
        }
    }
}
