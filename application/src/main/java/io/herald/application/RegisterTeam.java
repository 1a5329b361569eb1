package io.herald.application;

import io.herald.application.port.IdGenerator;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.PlayerStatus;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.util.Objects;

/** Starts a new team (or a solo run) with its first player, under a fresh short code. */
public final class RegisterTeam {
    /** Codes are random; a clash is rare, and a few retries make a failure practically impossible. */
    static final int CODE_ATTEMPTS = 8;

    private final SessionDirectory directory;
    private final IdGenerator ids;

    public RegisterTeam(SessionDirectory directory, IdGenerator ids) {
        this.directory = directory;
        this.ids = ids;
    }

    public record Command(String playerName, TeamMode mode, TravelMode travelMode) {
        public Command {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(travelMode, "travelMode");
        }
    }

    public Registration register(Command command) {
        SessionPlayer player = new SessionPlayer(ids.newPlayerId(), command.playerName(), PlayerStatus.ACTIVE);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            Team team = new Team(ids.newTeamCode(), ids.newSessionId(), command.mode(), command.travelMode());
            if (directory.createTeam(team)) {
                directory.addPlayer(team.session(), player);
                return new Registration(team, player);
            }
        }
        throw new IllegalStateException("no free team code after " + CODE_ATTEMPTS + " attempts");
    }
}
