package io.herald.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The team broadcast rule: every active player has arrived at the object. A team needs two or more active
 * players for a team line to make sense; a solo player gets individual messages only.
 */
public record ArrivalCondition(ObjectId objectId) {
    public ArrivalCondition {
        java.util.Objects.requireNonNull(objectId, "objectId");
    }

    public boolean isMet(Collection<SessionPlayer> roster, Set<PlayerId> arrived) {
        List<PlayerId> active = activePlayers(roster);
        return active.size() >= 2 && arrived.containsAll(active);
    }

    public static List<PlayerId> activePlayers(Collection<SessionPlayer> roster) {
        return roster.stream().filter(SessionPlayer::isActive).map(SessionPlayer::id).toList();
    }
}
