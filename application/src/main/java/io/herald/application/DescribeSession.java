package io.herald.application;

import io.herald.application.port.Presence;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The snapshot a reconnecting client reads: the team, its players, their status and how many devices are online. */
public final class DescribeSession {
    private final SessionDirectory directory;
    private final Presence presence;

    public DescribeSession(SessionDirectory directory, Presence presence) {
        this.directory = directory;
        this.presence = presence;
    }

    public sealed interface Outcome permits Snapshot, Refused {
    }

    public record Snapshot(Team team, List<PlayerPresence> players) implements Outcome {
    }

    public record PlayerPresence(SessionPlayer player, int devicesOnline) {
    }

    public Outcome describe(SessionId session) {
        Optional<Team> team = directory.teamOf(session);
        if (team.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_SESSION);
        }
        Map<PlayerId, Integer> devices = presence.devicesOnline(session);
        List<PlayerPresence> players = directory.roster(session).stream()
                .map(p -> new PlayerPresence(p, devices.getOrDefault(p.id(), 0)))
                .toList();
        return new Snapshot(team.get(), players);
    }
}
