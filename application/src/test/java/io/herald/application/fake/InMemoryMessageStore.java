package io.herald.application.fake;

import io.herald.application.port.CooldownEffect;
import io.herald.application.port.EventClaim;
import io.herald.application.port.MessagePage;
import io.herald.application.port.MessageStore;
import io.herald.application.port.PageCursor;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Settlement;
import io.herald.domain.Ack;
import io.herald.domain.EventId;
import io.herald.domain.InboxKey;
import io.herald.domain.Message;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message store as plain maps behind one lock, with the same claim semantics as the real adapter. */
public final class InMemoryMessageStore implements MessageStore {
    private static final Comparator<Message> OLDEST_FIRST =
            Comparator.comparing(Message::createdAt).thenComparing(m -> m.inboxKey().value());

    private static final int BATCH = 25;
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("\\d{29}\\|ai-msg#.+");

    private final Duration lease;
    private final InMemoryCooldownGuard cooldown;
    private final Map<String, ClaimState> claims = new HashMap<>();
    private final Map<String, Message> copies = new HashMap<>();
    private static final EventClaim.Holder SETTLED = new EventClaim.Holder("settled");
    private int holders;
    private boolean interruptNextSave;

    /** {@code cooldown} is the guard whose windows a settled message opens, in the same step. */
    public InMemoryMessageStore(Duration lease, InMemoryCooldownGuard cooldown) {
        this.lease = lease;
        this.cooldown = cooldown;
    }

    private record ClaimState(boolean done, EventClaim.Holder holder, Instant leaseUntil, Optional<OutgoingMessage> draft) {
    }

    /** Makes the next save die like a crashed processor: after its first batch of 25 copies, before it is done. */
    public synchronized void interruptNextSave() {
        interruptNextSave = true;
    }

    @Override
    public Settlement settle(OutgoingMessage message, CooldownEffect effect, Instant now) {
        synchronized (this) {
            synchronized (cooldown) {
                String key = message.session() + "|" + message.trigger().eventId();
                ClaimState state = claims.get(key);
                if (state != null) {
                    return state.done() ? new Settlement.AlreadyDone(message.trigger().eventId())
                            : new Settlement.NotInOneStep(message.trigger().eventId());
                }
                if (effect instanceof CooldownEffect.Open open) {
                    var blocking = cooldown.blocking(message.session(), open.player(), open.window(), now);
                    if (blocking.isPresent()) {
                        claims.put(key, new ClaimState(true, SETTLED, now, Optional.empty()));
                        return new Settlement.CoolingDown(blocking.get());
                    }
                    cooldown.tryOpen(message.session(), open.player(), open.window(), now);
                } else if (effect instanceof CooldownEffect.Restart restart) {
                    cooldown.restart(message.session(), restart.players(), restart.window());
                }
                message.fanOut().forEach(copy -> copies.put(copyKey(copy.session(), copy.inboxKey()), copy));
                claims.put(key, new ClaimState(true, SETTLED, now, Optional.of(message)));
                return new Settlement.Stored(message);
            }
        }
    }

    @Override
    public synchronized EventClaim claim(SessionId session, EventId event, Instant now) {
        String key = session + "|" + event;
        ClaimState state = claims.get(key);
        if (state != null && state.done()) {
            return new EventClaim.AlreadyDone(event);
        }
        if (state != null && now.isBefore(state.leaseUntil())) {
            return new EventClaim.HeldElsewhere(event, state.leaseUntil());
        }
        Optional<OutgoingMessage> draft = state == null ? Optional.empty() : state.draft();
        ClaimState granted = new ClaimState(false, new EventClaim.Holder("holder-" + (++holders)), now.plus(lease), draft);
        claims.put(key, granted);
        return new EventClaim.Granted(session, event, granted.holder(), granted.leaseUntil(), draft);
    }

    @Override
    public synchronized void save(EventClaim.Granted claim, OutgoingMessage message) {
        String key = requireHeld(claim);
        claims.put(key, new ClaimState(false, claim.holder(), claim.leaseUntil(), Optional.of(message)));
        List<Message> fanOut = message.fanOut();
        int writable = interruptNextSave ? Math.min(BATCH, fanOut.size()) : fanOut.size();
        for (Message copy : fanOut.subList(0, writable)) {
            copies.putIfAbsent(copyKey(copy.session(), copy.inboxKey()), copy);
        }
        if (interruptNextSave) {
            interruptNextSave = false;
            throw new IllegalStateException("simulated crash before the event was marked done");
        }
        claims.put(key, new ClaimState(true, claim.holder(), claim.leaseUntil(), Optional.of(message)));
    }

    @Override
    public synchronized void finishWithoutMessage(EventClaim.Granted claim) {
        String key = requireHeld(claim);
        claims.put(key, new ClaimState(true, claim.holder(), claim.leaseUntil(), Optional.empty()));
    }

    private String requireHeld(EventClaim.Granted claim) {
        String key = claim.session() + "|" + claim.event();
        ClaimState state = claims.get(key);
        if (state == null || state.done() || !state.holder().equals(claim.holder())) {
            throw new IllegalStateException("claim on " + claim.event() + " is no longer held by " + claim.holder());
        }
        return key;
    }

    @Override
    public synchronized AckResult acknowledge(SessionId session, InboxKey key, Ack ack, Instant at) {
        Message current = copies.get(copyKey(session, key));
        if (current == null || current.isExpiredAt(at)) {
            return AckResult.NOT_FOUND;
        }
        Message next = current.acknowledge(ack, at);
        if (next == current) {
            return AckResult.UNCHANGED;
        }
        copies.put(copyKey(session, key), next);
        return AckResult.RECORDED;
    }

    @Override
    public synchronized Optional<Message> find(SessionId session, InboxKey key, Instant now) {
        return Optional.ofNullable(copies.get(copyKey(session, key))).filter(m -> !m.isExpiredAt(now));
    }

    @Override
    public synchronized MessagePage undelivered(SessionId session, PlayerId player, Instant now, PageRequest page) {
        Optional<String> from = page.cursor().map(PageCursor::value);
        from.filter(c -> !CURSOR.matcher(c).matches()).ifPresent(c -> {
            throw PageCursor.notA("catch-up");
        });
        List<Message> owed = copies.values().stream()
                .filter(m -> m.session().equals(session) && m.recipient().equals(player))
                .filter(m -> !m.delivery().isDelivered() && !m.isExpiredAt(now))
                .sorted(OLDEST_FIRST)
                .filter(m -> from.map(c -> cursorOf(m).compareTo(c) > 0).orElse(true))
                .toList();
        List<Message> slice = owed.subList(0, Math.min(page.limit(), owed.size()));
        Optional<PageCursor> next = owed.size() > slice.size()
                ? Optional.of(new PageCursor(cursorOf(slice.getLast())))
                : Optional.empty();
        return new MessagePage(slice, next);
    }

    /** Orders like {@link #OLDEST_FIRST}: ISO instants of equal precision sort as text. */
    private static String cursorOf(Message message) {
        return String.format("%020d%09d|%s", message.createdAt().getEpochSecond(), message.createdAt().getNano(),
                message.inboxKey().value());
    }

    private static String copyKey(SessionId session, InboxKey key) {
        return session + "|" + key.value();
    }

    public synchronized int copyCount() {
        return copies.size();
    }
}
