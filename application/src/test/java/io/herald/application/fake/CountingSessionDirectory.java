package io.herald.application.fake;

import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A directory that counts the reads reaching it, so a test can tell what a cache in front of it answered itself. */
public final class CountingSessionDirectory implements SessionDirectory {
    private final SessionDirectory inner;
    public final AtomicInteger teamReads = new AtomicInteger();
    public final AtomicInteger rosterReads = new AtomicInteger();
    public final AtomicInteger playerReads = new AtomicInteger();
    private volatile Runnable duringNextRosterRead = () -> { };

    public CountingSessionDirectory(SessionDirectory inner) {
        this.inner = inner;
    }

    /** Runs {@code action} in the middle of the next roster read, after the store answered, before it returns. */
    public void duringNextRosterRead(Runnable action) {
        duringNextRosterRead = action;
    }

    @Override
    public boolean createTeam(Team team) {
        return inner.createTeam(team);
    }

    @Override
    public Optional<Team> findTeam(TeamCode code) {
        return inner.findTeam(code);
    }

    @Override
    public Optional<Team> teamOf(SessionId session) {
        teamReads.incrementAndGet();
        return inner.teamOf(session);
    }

    @Override
    public void addPlayer(SessionId session, SessionPlayer player) {
        inner.addPlayer(session, player);
    }

    @Override
    public List<SessionPlayer> roster(SessionId session) {
        rosterReads.incrementAndGet();
        List<SessionPlayer> roster = inner.roster(session);
        Runnable action = duringNextRosterRead;
        duringNextRosterRead = () -> { };
        action.run();
        return roster;
    }

    @Override
    public Optional<SessionPlayer> player(SessionId session, PlayerId player) {
        playerReads.incrementAndGet();
        return inner.player(session, player);
    }

    @Override
    public void recordArrival(SessionId session, PlayerId player, ObjectId objectId) {
        inner.recordArrival(session, player, objectId);
    }

    @Override
    public Set<PlayerId> arrivals(SessionId session, ObjectId objectId) {
        return inner.arrivals(session, objectId);
    }
}
