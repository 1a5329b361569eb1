package io.herald.application.port;

import io.herald.domain.ClientMessageId;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.MessageId;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rooms, their members and their history of record. A room's messages are numbered from 1 without a gap as they
 * are stored, so "everything after offset n" is always exactly what a member missed.
 */
public interface RoomStore {

    /** Makes the room, with {@code creator} as its first member when one is given. */
    Created create(Room room, Optional<Member> creator);

    Optional<Room> find(RoomId room);

    /** Adds a member unless the room is at {@code maxMembers}; its read cursor starts at the room's head. */
    Joined join(RoomId room, Member member, int maxMembers, Instant at);

    /** Whether the member was there to be removed. */
    boolean leave(RoomId room, Member member);

    Optional<Membership> membership(RoomId room, Member member);

    /** The room's members in a stable order, a page at a time ({@code after} is the last of the previous page). */
    List<Member> members(RoomId room, Optional<Member> after, int limit);

    /** Every room the member belongs to, with its head, for unread counts. */
    List<MemberRoom> roomsOf(Member member);

    /**
     * Stores a message as the room's next offset. With a {@code clientMessageId} the same sender's second send of it
     * stores nothing and answers with the first one, so a retry is never said twice.
     */
    Appended append(NewRoomMessage message);

    /**
     * A page of history, newest first before a cursor or oldest first after one.
     *
     * @throws PageCursor.Invalid for a cursor this store did not give out
     */
    HistoryPage history(RoomId room, HistoryQuery query);

    /**
     * The room's messages after {@code after} in order, when there are at most {@code max} of them and all are still
     * kept; otherwise {@link Replay.TooFar} with where the room stands.
     */
    Replay since(RoomId room, RoomPosition after, int max);

    /** Moves the member's read cursor forward to {@code read}; never back. */
    void markRead(RoomId room, Member member, RoomPosition read);

    enum Created {
        CREATED,
        EXISTS
    }

    enum Joined {
        JOINED,
        ALREADY_MEMBER,
        FULL,
        NO_ROOM
    }

    record NewRoomMessage(RoomId room, Member sender, RoomText text, Optional<ClientMessageId> clientMessageId, MessageId id,
            Instant at) {
    }

    sealed interface Appended {
        record Stored(RoomMessage message) implements Appended {
        }

        /** The sender sent this {@code clientMessageId} before; this is what was stored then. */
        record Repeated(RoomMessage original) implements Appended {
        }

        record NoRoom() implements Appended {
        }
    }

    record MemberRoom(Room room, Membership membership) {
        public long unread() {
            return room.unreadAfter(membership.read());
        }
    }

    /**
     * Where a page starts: {@code before} (older than, newest first) or {@code after} (newer than, oldest first) a
     * cursor a previous page gave; neither is the newest page.
     */
    record HistoryQuery(Optional<PageCursor> before, Optional<PageCursor> after, int limit) {
        public HistoryQuery {
            if (before.isPresent() && after.isPresent()) {
                throw new IllegalArgumentException("a page is before a cursor or after one, not both");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("a page holds at least one message");
            }
        }
    }

    /** {@code next} is the cursor for the page beyond this one in the same direction, when there is more. */
    record HistoryPage(List<RoomMessage> messages, Optional<PageCursor> next) {
        public HistoryPage {
            messages = List.copyOf(messages);
        }
    }

    sealed interface Replay {
        record Complete(List<RoomMessage> messages, RoomPosition head) implements Replay {
            public Complete {
                messages = List.copyOf(messages);
            }
        }

        /** The position is from another epoch, or more was missed than is kept or replayed. */
        record TooFar(RoomPosition head) implements Replay {
        }

        record NoRoom() implements Replay {
        }
    }
}
