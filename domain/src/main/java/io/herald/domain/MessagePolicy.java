package io.herald.domain;

import java.util.List;
import java.util.Set;

/**
 * Seed 000's decision rules: progress events earn the player a line; the arrival that completes the whole team's
 * arrival earns the team one broadcast instead; periodic checks stay quiet to avoid spam.
 */
public final class MessagePolicy {
    private MessagePolicy() {
    }

    /**
     * @param roster        every player of the session
     * @param arrivedAtObject for an {@link ObjectArrive}, the players who have arrived at its object (including this one)
     */
    public static Decision decide(GameEvent event, List<SessionPlayer> roster, Set<PlayerId> arrivedAtObject) {
        return switch (event) {
            case PeriodicCheck check -> new Decision.Silence("periodic checks do not speak");
            case Milestone milestone -> broadcastTo(milestone, roster);
            case ObjectArrive arrive when new ArrivalCondition(arrive.objectId()).isMet(roster, arrivedAtObject) ->
                    broadcastTo(new Milestone(arrive.session(), arrive.objectId(), arrive.at()), roster);
            case NodeComplete e -> individual(e, e.player(), roster);
            case ObjectArrive e -> individual(e, e.player(), roster);
            case PuzzleSubmit e -> individual(e, e.player(), roster);
        };
    }

    private static Decision broadcastTo(Milestone milestone, List<SessionPlayer> roster) {
        List<PlayerId> active = ArrivalCondition.activePlayers(roster);
        return active.isEmpty()
                ? new Decision.Silence("no active player to tell")
                : new Decision.Broadcast(milestone, active);
    }

    private static Decision individual(GameEvent event, PlayerId player, List<SessionPlayer> roster) {
        boolean active = roster.stream().anyMatch(p -> p.id().equals(player) && p.isActive());
        return active ? new Decision.Individual(event, player) : new Decision.Silence("player is not active in the session");
    }
}
