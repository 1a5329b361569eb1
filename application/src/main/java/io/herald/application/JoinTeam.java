package io.herald.application;

import io.herald.application.port.IdGenerator;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.PlayerStatus;
import io.herald.domain.Refusal;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import java.util.Objects;
import java.util.Optional;

/** Adds a player to the team a code names; a solo run cannot be joined. */
public final class JoinTeam {
    private final SessionDirectory directory;
    private final IdGenerator ids;

    public JoinTeam(SessionDirectory directory, IdGenerator ids) {
        this.directory = directory;
        this.ids = ids;
    }

    public record Command(TeamCode code, String playerName) {
        public Command {
            Objects.requireNonNull(code, "code");
        }
    }

    public sealed interface Outcome permits Registration, Refused {
    }

    public Outcome join(Command command) {
        SessionPlayer player = new SessionPlayer(ids.newPlayerId(), command.playerName(), PlayerStatus.ACTIVE);
        Optional<Team> team = directory.findTeam(command.code());
        if (team.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_TEAM);
        }
        if (team.get().mode() == TeamMode.SOLO) {
            return new Refused(Refusal.SOLO_TEAM);
        }
        directory.addPlayer(team.get().session(), player);
        return new Registration(team.get(), player);
    }
}
