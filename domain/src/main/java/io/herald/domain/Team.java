package io.herald.domain;

import java.util.Objects;

/** A registered team: the code players share, the session it plays in, and how it plays. */
public record Team(TeamCode code, SessionId session, TeamMode mode, TravelMode travelMode) {
    public Team {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(travelMode, "travelMode");
    }
}
