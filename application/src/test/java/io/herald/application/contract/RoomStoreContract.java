package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.PageCursor;
import io.herald.application.port.RoomStore.Appended;
import io.herald.application.port.RoomStore.HistoryQuery;
import io.herald.application.port.RoomStore.Replay;
import io.herald.application.port.RoomStore;
import io.herald.domain.ClientMessageId;
import io.herald.domain.GuildId;
import io.herald.domain.Member;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every {@link RoomStore} keeps: gap-free offsets, one copy per client message id, members, history pages. */
public abstract class RoomStoreContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final Member ana = new Member(session, new PlayerId("ana"));
    private final Member ben = new Member(session, new PlayerId("ben"));
    private final RoomId room = new RoomId("r-" + UUID.randomUUID());
    private int ids;

    protected abstract RoomStore store();

    private Room made(RoomId id, Optional<Member> creator) {
        Room made = new Room(id, "Lobby", 0, 42, creator.isPresent() ? 1 : 0, T0);
        assertThat(store().create(made, creator)).isEqualTo(RoomStore.Created.CREATED);
        return made;
    }

    private RoomMessage say(Member sender, String text) {
        return ((Appended.Stored) store().append(message(sender, text, Optional.empty()))).message();
    }

    private RoomStore.NewRoomMessage message(Member sender, String text, Optional<ClientMessageId> clientId) {
        return new RoomStore.NewRoomMessage(room, sender, RoomText.from(text).text().orElseThrow(), clientId,
                new MessageId("m-" + UUID.randomUUID() + "-" + ids++), T0);
    }

    @Test
    void a_room_is_made_once_with_its_maker_as_first_member() {
        made(room, Optional.of(ana));

        assertThat(store().create(new Room(room, "Again", 0, 7, 0, T0), Optional.empty()))
                .isEqualTo(RoomStore.Created.EXISTS);
        Room found = store().find(room).orElseThrow();
        assertThat(found.name()).isEqualTo("Lobby");
        assertThat(found.members()).isEqualTo(1);
        assertThat(found.head()).isEqualTo(new RoomPosition(0, 42));
        assertThat(store().membership(room, ana)).isPresent();
        assertThat(store().membership(room, ben)).isEmpty();
    }

    @Test
    void joining_counts_members_up_to_the_limit_and_twice_is_already_a_member() {
        made(room, Optional.of(ana));

        assertThat(store().join(room, ben, 2, T0)).isEqualTo(RoomStore.Joined.JOINED);
        assertThat(store().join(room, ben, 2, T0)).isEqualTo(RoomStore.Joined.ALREADY_MEMBER);
        assertThat(store().join(room, new Member(session, new PlayerId("cal")), 2, T0)).isEqualTo(RoomStore.Joined.FULL);
        assertThat(store().join(new RoomId("none-" + UUID.randomUUID()), ben, 2, T0)).isEqualTo(RoomStore.Joined.NO_ROOM);
        assertThat(store().find(room).orElseThrow().members()).isEqualTo(2);
        assertThat(store().members(room, Optional.empty(), 10)).containsExactly(ana, ben);
        assertThat(store().members(room, Optional.of(ana), 10)).containsExactly(ben);
    }

    @Test
    void leaving_frees_a_place_and_leaving_twice_is_refused() {
        made(room, Optional.of(ana));
        store().join(room, ben, 2, T0);

        assertThat(store().leave(room, ben)).isTrue();
        assertThat(store().leave(room, ben)).isFalse();
        assertThat(store().membership(room, ben)).isEmpty();
        assertThat(store().find(room).orElseThrow().members()).isEqualTo(1);
        assertThat(store().join(room, ben, 2, T0)).isEqualTo(RoomStore.Joined.JOINED);
    }

    @Test
    void offsets_count_from_one_without_a_gap_and_timestamps_only_grow() {
        made(room, Optional.of(ana));

        List<RoomMessage> said = List.of(say(ana, "one"), say(ana, "two"), say(ana, "three"));

        assertThat(said).extracting(RoomMessage::offset).containsExactly(1L, 2L, 3L);
        assertThat(said).extracting(RoomMessage::epoch).containsOnly(42L);
        assertThat(said.get(1).timestamp()).isAfter(said.get(0).timestamp());
        assertThat(said.get(2).timestamp()).isAfter(said.get(1).timestamp());
        assertThat(store().find(room).orElseThrow().lastOffset()).isEqualTo(3);
    }

    @Test
    void senders_racing_each_other_get_distinct_offsets_with_no_gap() throws Exception {
        made(room, Optional.of(ana));
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Future<RoomMessage>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                sent.add(racers.submit(() -> say(n % 2 == 0 ? ana : ben, "racing " + n)));
            }
            List<Long> offsets = new ArrayList<>();
            for (Future<RoomMessage> f : sent) {
                offsets.add(f.get().offset());
            }
            assertThat(offsets).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void a_client_message_id_sent_again_answers_with_the_first_and_stores_nothing() {
        made(room, Optional.of(ana));
        ClientMessageId retry = new ClientMessageId("c-1");

        RoomMessage first = ((Appended.Stored) store().append(message(ana, "hello", Optional.of(retry)))).message();
        Appended again = store().append(message(ana, "hello", Optional.of(retry)));
        Appended othersSameId = store().append(message(ben, "hello", Optional.of(retry)));

        assertThat(again).isEqualTo(new Appended.Repeated(first));
        assertThat(othersSameId).isInstanceOf(Appended.Stored.class);
        assertThat(store().find(room).orElseThrow().lastOffset()).isEqualTo(2);
    }

    @Test
    void nothing_is_appended_to_a_room_that_does_not_exist() {
        assertThat(store().append(message(ana, "anyone?", Optional.empty()))).isEqualTo(new Appended.NoRoom());
    }

    @Test
    void history_pages_newest_first_back_to_the_start_and_forward_after_a_cursor() {
        made(room, Optional.of(ana));
        for (int i = 1; i <= 7; i++) {
            say(ana, "line " + i);
        }

        RoomStore.HistoryPage newest = store().history(room, new HistoryQuery(Optional.empty(), Optional.empty(), 3));
        RoomStore.HistoryPage older = store().history(room, new HistoryQuery(newest.next(), Optional.empty(), 3));
        RoomStore.HistoryPage oldest = store().history(room, new HistoryQuery(older.next(), Optional.empty(), 3));

        assertThat(newest.messages()).extracting(RoomMessage::offset).containsExactly(7L, 6L, 5L);
        assertThat(older.messages()).extracting(RoomMessage::offset).containsExactly(4L, 3L, 2L);
        assertThat(oldest.messages()).extracting(RoomMessage::offset).containsExactly(1L);
        assertThat(oldest.next()).isEmpty();

        RoomStore.HistoryPage forward = store().history(room, new HistoryQuery(Optional.empty(), older.next(), 10));
        assertThat(forward.messages()).extracting(RoomMessage::offset).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(forward.messages().getFirst().text().value()).isEqualTo("line 3");
        assertThat(forward.next()).isEmpty();
    }

    @Test
    void a_cursor_the_store_never_gave_is_refused() {
        made(room, Optional.of(ana));

        assertThatThrownBy(() -> store().history(room,
                new HistoryQuery(Optional.of(new PageCursor("%%%")), Optional.empty(), 3)))
                .isInstanceOf(PageCursor.Invalid.class);
        assertThatThrownBy(() -> store().history(room,
                new HistoryQuery(Optional.empty(), Optional.of(new PageCursor("%%%")), 3)))
                .isInstanceOf(PageCursor.Invalid.class);
    }

    @Test
    void a_replay_gives_exactly_what_came_after_a_position_in_order() {
        made(room, Optional.of(ana));
        for (int i = 1; i <= 60; i++) {
            say(i % 2 == 0 ? ana : ben, "line " + i);
        }

        Replay replay = store().since(room, new RoomPosition(10, 42), 100);

        assertThat(replay).isInstanceOf(Replay.Complete.class);
        Replay.Complete complete = (Replay.Complete) replay;
        assertThat(complete.messages()).extracting(RoomMessage::offset)
                .containsExactlyElementsOf(LongStream.rangeClosed(11, 60).boxed().toList());
        assertThat(complete.head()).isEqualTo(new RoomPosition(60, 42));
        assertThat(store().since(room, new RoomPosition(60, 42), 100))
                .isEqualTo(new Replay.Complete(List.of(), new RoomPosition(60, 42)));
    }

    @Test
    void a_replay_from_another_epoch_further_back_than_allowed_or_ahead_of_the_room_is_too_far() {
        made(room, Optional.of(ana));
        for (int i = 1; i <= 5; i++) {
            say(ana, "line " + i);
        }
        RoomPosition head = new RoomPosition(5, 42);

        assertThat(store().since(room, new RoomPosition(2, 41), 100)).isEqualTo(new Replay.TooFar(head));
        assertThat(store().since(room, new RoomPosition(0, 42), 4)).isEqualTo(new Replay.TooFar(head));
        assertThat(store().since(room, new RoomPosition(9, 42), 100)).isEqualTo(new Replay.TooFar(head));
        assertThat(store().since(new RoomId("none-" + UUID.randomUUID()), head, 100)).isEqualTo(new Replay.NoRoom());
    }

    @Test
    void a_read_cursor_starts_at_the_head_when_joining_and_only_moves_forward() {
        made(room, Optional.of(ana));
        say(ana, "before ben");
        say(ana, "still before");
        store().join(room, ben, 10, T0);
        say(ana, "for ben");

        assertThat(store().membership(room, ben).orElseThrow().read()).isEqualTo(new RoomPosition(2, 42));
        store().markRead(room, ben, new RoomPosition(3, 42));
        store().markRead(room, ben, new RoomPosition(1, 42));

        assertThat(store().membership(room, ben).orElseThrow().read()).isEqualTo(new RoomPosition(3, 42));
    }

    @Test
    void a_members_rooms_come_with_unread_counts() {
        made(room, Optional.of(ana));
        RoomId guild = RoomId.of(new GuildId("g-" + UUID.randomUUID()));
        store().create(new Room(guild, "Guild", 0, 9, 0, T0), Optional.empty());
        store().join(guild, ana, 10, T0);
        say(ana, "one");
        say(ana, "two");
        store().markRead(room, ana, new RoomPosition(1, 42));

        List<RoomStore.MemberRoom> mine = store().roomsOf(ana);

        assertThat(mine).extracting(r -> r.room().id()).containsExactlyInAnyOrder(room, guild);
        assertThat(mine).filteredOn(r -> r.room().id().equals(room)).singleElement()
                .satisfies(r -> assertThat(r.unread()).isEqualTo(1));
        assertThat(mine).filteredOn(r -> r.room().id().equals(guild)).singleElement()
                .satisfies(r -> assertThat(r.unread()).isZero());
        assertThat(store().roomsOf(ben)).isEmpty();
    }
}
