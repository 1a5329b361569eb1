package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.application.DescribeSession;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** The session snapshot a reconnecting client reads: the team, and each player with how many devices are online. */
final class SessionBodies {
    private SessionBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SessionSnapshot", requiredProperties = {"sessionId", "teamCode", "mode", "travelMode", "players",
        "success"})
    public record SessionSnapshot(String sessionId, String teamCode,
            @Schema(allowableValues = {"solo", "team"}) String mode,
            @Schema(allowableValues = {"co-located", "independent"}) String travelMode,
            List<SessionPlayer> players,
            @Schema(description = ResponseBodies.ALWAYS_TRUE) boolean success) {

        static SessionSnapshot of(String sessionId, DescribeSession.Snapshot snapshot) {
            return new SessionSnapshot(sessionId, snapshot.team().code().value(), lower(snapshot.team().mode().name()),
                    lower(snapshot.team().travelMode().name()).replace('_', '-'),
                    snapshot.players().stream().map(SessionPlayer::of).toList(), true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SessionPlayer", requiredProperties = {"playerId", "playerName", "status", "devicesOnline"})
    public record SessionPlayer(String playerId, String playerName,
            @Schema(allowableValues = {"active", "left"}) String status, int devicesOnline) {

        static SessionPlayer of(DescribeSession.PlayerPresence presence) {
            return new SessionPlayer(presence.player().id().value(), presence.player().name(),
                    lower(presence.player().status().name()), presence.devicesOnline());
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
