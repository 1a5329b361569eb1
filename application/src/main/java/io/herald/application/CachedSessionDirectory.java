package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.RosterChanges;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams and rosters kept in memory on a node that serves sessions for hours, so an event or a join finds who is in
 * the session without asking the store. A team never changes once made; a roster is dropped when it changes here,
 * when another node announces a change, or when it has been kept for {@code maxAge} (a change announced while the
 * relay was down). Arrivals are not cached: every node records them, and the broadcast rule must see them all.
 */
public final class CachedSessionDirectory implements SessionDirectory {
    private final SessionDirectory store;
    private final RosterChanges changes;
    private final Clock clock;
    private final int capacity;
    private final Duration maxAge;
    private final Map<SessionId, Slot> slots = new ConcurrentHashMap<>();

    /**
     * One session's cached facts: its team, its whole roster once read, and players read one at a time (a join, an
     * event) even while the whole roster is not known. {@code generation} moves on every invalidation, so a read
     * begun before it is not kept.
     */
    private static final class Slot {
        private Team team;
        private Roster roster;
        private final Map<PlayerId, Known> players = new java.util.HashMap<>();
        private long generation;
    }

    private record Known(SessionPlayer player, Instant readAt) {
    }

    private record Roster(List<SessionPlayer> players, Map<PlayerId, SessionPlayer> byId, Instant loadedAt) {
    }

    private CachedSessionDirectory(SessionDirectory store, RosterChanges changes, Clock clock, int capacity,
            Duration maxAge) {
        this.store = Objects.requireNonNull(store, "store");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("the roster cache needs room for at least one session");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("a cached roster must be kept for a positive time");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
    }

    /** A cache over {@code store} that listens to {@code changes} for what other nodes change. */
    public static CachedSessionDirectory over(SessionDirectory store, RosterChanges changes, Clock clock, int capacity,
            Duration maxAge) {
        CachedSessionDirectory cache = new CachedSessionDirectory(store, changes, clock, capacity, maxAge);
        changes.subscribe(new RosterChanges.Listener() {
            @Override
            public void changed(SessionId session) {
                cache.forget(session);
            }

            @Override
            public void mayHaveMissedChanges() {
                cache.forgetEverything();
            }
        });
        return cache;
    }

    @Override
    public boolean createTeam(Team team) {
        return store.createTeam(team);
    }

    @Override
    public Optional<Team> findTeam(TeamCode code) {
        return store.findTeam(code);
    }

    @Override
    public Optional<Team> teamOf(SessionId session) {
        Slot slot = slotOf(session);
        synchronized (slot) {
            if (slot.team != null) {
                return Optional.of(slot.team);
            }
        }
        Optional<Team> team = store.teamOf(session);
        team.ifPresent(found -> {
            synchronized (slot) {
                slot.team = found;
            }
        });
        return team;
    }

    @Override
    public void addPlayer(SessionId session, SessionPlayer player) {
        store.addPlayer(session, player);
        Slot slot = slots.get(session);
        if (slot != null) {
            synchronized (slot) {
                slot.roster = null;
                slot.generation++;
                slot.players.put(player.id(), new Known(player, clock.now()));
            }
        }
        changes.announce(session);
    }

    @Override
    public List<SessionPlayer> roster(SessionId session) {
        return loaded(session).players();
    }

    /**
     * From the cached roster or an earlier read of the same player; otherwise one read of that player alone, kept.
     * A player the store knows but the cached roster does not proves that roster stale (a change whose news has
     * not arrived yet), so it goes. A player the store does not know is not remembered as missing.
     */
    @Override
    public Optional<SessionPlayer> player(SessionId session, PlayerId player) {
        Slot slot = slotOf(session);
        Roster cached;
        long generation;
        synchronized (slot) {
            cached = fresh(slot.roster) ? slot.roster : null;
            if (cached != null && cached.byId().containsKey(player)) {
                return Optional.of(cached.byId().get(player));
            }
            Known known = slot.players.get(player);
            if (known != null && fresh(known.readAt())) {
                return Optional.of(known.player());
            }
            generation = slot.generation;
        }
        Optional<SessionPlayer> read = store.player(session, player);
        read.ifPresent(found -> {
            synchronized (slot) {
                if (slot.generation == generation) {
                    slot.players.put(player, new Known(found, clock.now()));
                }
                if (cached != null && slot.roster == cached) {
                    slot.roster = null;
                    slot.generation++;
                }
            }
        });
        return read;
    }

    @Override
    public void recordArrival(SessionId session, PlayerId player, ObjectId objectId) {
        store.recordArrival(session, player, objectId);
    }

    @Override
    public Set<PlayerId> arrivals(SessionId session, ObjectId objectId) {
        return store.arrivals(session, objectId);
    }

    /** Drops what is cached of a session's players; the next read goes to the store. */
    public void forget(SessionId session) {
        Slot slot = slots.get(session);
        if (slot != null) {
            synchronized (slot) {
                slot.roster = null;
                slot.players.clear();
                slot.generation++;
            }
        }
    }

    /** Drops every cached roster and player (teams stay: they never change). */
    public void forgetEverything() {
        slots.keySet().forEach(this::forget);
    }

    /** How many sessions have something cached; bounded by the capacity. */
    int cachedSessions() {
        return slots.size();
    }

    private Roster loaded(SessionId session) {
        Slot slot = slotOf(session);
        long generation;
        synchronized (slot) {
            if (fresh(slot.roster)) {
                return slot.roster;
            }
            generation = slot.generation;
        }
        List<SessionPlayer> players = store.roster(session);
        Map<PlayerId, SessionPlayer> byId = new LinkedHashMap<>();
        players.forEach(p -> byId.put(p.id(), p));
        Roster roster = new Roster(List.copyOf(players), Map.copyOf(byId), clock.now());
        synchronized (slot) {
            if (slot.generation == generation) {
                slot.roster = roster;
            }
        }
        return roster;
    }

    private boolean fresh(Roster roster) {
        return roster != null && fresh(roster.loadedAt());
    }

    private boolean fresh(Instant readAt) {
        return clock.now().isBefore(readAt.plus(maxAge));
    }

    /** The session's slot, made before any read so an invalidation that arrives during the read is seen. */
    private Slot slotOf(SessionId session) {
        Slot slot = slots.get(session);
        if (slot != null) {
            return slot;
        }
        if (slots.size() >= capacity) {
            evictSome();
        }
        return slots.computeIfAbsent(session, s -> new Slot());
    }

    /** Makes room by dropping an eighth of the sessions, whichever come first: a bound, not a recency order. */
    private void evictSome() {
        int toDrop = Math.max(1, capacity / 8);
        Iterator<SessionId> keys = slots.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
