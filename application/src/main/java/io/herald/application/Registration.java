package io.herald.application;

import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;

/** A player now in a team: what registration and joining both hand back, for the edge to issue a token on. */
public record Registration(Team team, SessionPlayer player) implements JoinTeam.Outcome {
}
