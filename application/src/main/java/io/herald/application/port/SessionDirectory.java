package io.herald.application.port;

import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Teams, their sessions, their players, and the progress that team conditions are judged on. */
public interface SessionDirectory {

    /** Creates the team unless its code is taken; returns whether it was created. */
    boolean createTeam(Team team);

    Optional<Team> findTeam(TeamCode code);

    Optional<Team> teamOf(SessionId session);

    void addPlayer(SessionId session, SessionPlayer player);

    List<SessionPlayer> roster(SessionId session);

    /** One player of the session, read on its own: a join or an event touches one player, never the whole roster. */
    Optional<SessionPlayer> player(SessionId session, PlayerId player);

    /** Records that a player has arrived at an object (idempotent). */
    void recordArrival(SessionId session, PlayerId player, ObjectId objectId);

    /** Every player who has arrived at the object so far. */
    Set<PlayerId> arrivals(SessionId session, ObjectId objectId);
}
