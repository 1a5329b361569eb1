package io.herald.application.fake;

import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Teams, rosters and arrivals in maps behind one lock. */
public final class InMemorySessionDirectory implements SessionDirectory {
    private final Map<TeamCode, Team> teams = new HashMap<>();
    private final Map<SessionId, Team> bySession = new HashMap<>();
    private final Map<SessionId, List<SessionPlayer>> rosters = new HashMap<>();
    private final Map<String, Set<PlayerId>> arrivals = new HashMap<>();

    @Override
    public synchronized boolean createTeam(Team team) {
        if (teams.containsKey(team.code())) {
            return false;
        }
        teams.put(team.code(), team);
        bySession.put(team.session(), team);
        return true;
    }

    @Override
    public synchronized Optional<Team> findTeam(TeamCode code) {
        return Optional.ofNullable(teams.get(code));
    }

    @Override
    public synchronized Optional<Team> teamOf(SessionId session) {
        return Optional.ofNullable(bySession.get(session));
    }

    @Override
    public synchronized void addPlayer(SessionId session, SessionPlayer player) {
        List<SessionPlayer> roster = rosters.computeIfAbsent(session, s -> new ArrayList<>());
        roster.removeIf(p -> p.id().equals(player.id()));
        roster.add(player);
    }

    @Override
    public synchronized List<SessionPlayer> roster(SessionId session) {
        return List.copyOf(rosters.getOrDefault(session, List.of()));
    }

    @Override
    public synchronized Optional<SessionPlayer> player(SessionId session, PlayerId player) {
        return rosters.getOrDefault(session, List.of()).stream().filter(p -> p.id().equals(player)).findFirst();
    }

    @Override
    public synchronized void recordArrival(SessionId session, PlayerId player, ObjectId objectId) {
        arrivals.computeIfAbsent(session + "|" + objectId, k -> new LinkedHashSet<>()).add(player);
    }

    @Override
    public synchronized Set<PlayerId> arrivals(SessionId session, ObjectId objectId) {
        return Set.copyOf(arrivals.getOrDefault(session + "|" + objectId, Set.of()));
    }
}
