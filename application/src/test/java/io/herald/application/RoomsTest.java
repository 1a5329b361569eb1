package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.InMemoryConnectionRegistry;
import io.herald.application.fake.InMemoryRoomSubscriptions;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingGateway;
import io.herald.application.fake.SequentialIds;
import io.herald.application.limit.Allowance;
import io.herald.application.port.Push;
import io.herald.application.port.RoomStore;
import io.herald.domain.ClientMessageId;
import io.herald.domain.ConnectionId;
import io.herald.domain.GuildId;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomsTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben", "Cal");
    private final RoomId lobby = new RoomId("lobby");
    private ConnectionId anaPhone;
    private ConnectionId benPhone;
    private ConnectionId calPhone;

    @BeforeEach
    void ana_makes_a_room_ben_joins_it_cal_does_not() {
        anaPhone = herald.connect(team.session(), team.player(0));
        benPhone = herald.connect(team.session(), team.player(1));
        calPhone = herald.connect(team.session(), team.player(2));
        assertThat(herald.createRoom.create(new CreateRoom.Command(Optional.of(new Caller.OnConnection(anaPhone)),
                lobby, "Lobby"))).isInstanceOf(CreateRoom.Created.class);
        assertThat(herald.joinRoom.join(new JoinRoom.Command(new Caller.OnConnection(benPhone), lobby)))
                .isEqualTo(new JoinRoom.Joined(lobby, false));
    }

    private SendRoomMessage.Outcome say(ConnectionId from, String text) {
        return herald.sendRoomMessage.send(new SendRoomMessage.Command(new Caller.OnConnection(from), lobby, text,
                Optional.empty()));
    }

    private List<Push.RoomMessageSaid> heardBy(ConnectionId device) {
        return herald.gateway.pushesTo(device, Push.RoomMessageSaid.class);
    }

    @Test
    void a_message_is_cleaned_stored_with_its_offset_and_pushed_to_the_subscribers_only() {
        herald.subscribeRoom.subscribe(new SubscribeRoom.Command(benPhone, lobby, Optional.empty()));

        SendRoomMessage.Outcome sent = say(anaPhone, "  hello \u202Eworld\u0007  ");

        assertThat(sent).isInstanceOf(SendRoomMessage.Sent.class);
        SendRoomMessage.Sent stored = (SendRoomMessage.Sent) sent;
        assertThat(stored.message().offset()).isEqualTo(1);
        assertThat(stored.message().text().value()).isEqualTo("hello world");
        assertThat(stored.message().sender()).isEqualTo(new Member(team.session(), team.player(0)));
        assertThat(heardBy(benPhone)).extracting(p -> p.message().offset()).containsExactly(1L);
        assertThat(heardBy(anaPhone)).as("ana did not subscribe").isEmpty();
        assertThat(herald.roomHistory.page(new Caller.OnConnection(benPhone), lobby,
                new RoomStore.HistoryQuery(Optional.empty(), Optional.empty(), 10)))
                .isInstanceOfSatisfying(RoomHistory.Page.class, history -> assertThat(history.page().messages())
                        .containsExactly(stored.message()));
    }

    @Test
    void empty_too_long_or_a_strangers_message_is_refused_and_nothing_is_stored() {
        assertThat(say(anaPhone, " \u202E\n ")).isEqualTo(new Refused(Refusal.EMPTY_TEXT));
        assertThat(say(anaPhone, "x".repeat(RoomText.MAX_LENGTH + 1))).isEqualTo(new Refused(Refusal.TEXT_TOO_LONG));
        assertThat(say(calPhone, "let me in")).isEqualTo(new Refused(Refusal.NOT_A_MEMBER));
        assertThat(say(new ConnectionId("gone"), "hi")).isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
        assertThat(say(anaPhone, "😀".repeat(RoomText.MAX_LENGTH))).as("the cap counts characters, not chars")
                .isInstanceOf(SendRoomMessage.Sent.class);

        assertThat(herald.rooms.find(lobby).orElseThrow().lastOffset()).isEqualTo(1);
    }

    @Test
    void a_repeated_client_message_id_answers_with_the_first_send_and_pushes_nothing_more() {
        herald.subscribeRoom.subscribe(new SubscribeRoom.Command(benPhone, lobby, Optional.empty()));
        SendRoomMessage.Command command = new SendRoomMessage.Command(new Caller.OnConnection(anaPhone), lobby, "once",
                Optional.of(new ClientMessageId("c1")));

        SendRoomMessage.Sent first = (SendRoomMessage.Sent) herald.sendRoomMessage.send(command);
        SendRoomMessage.Sent again = (SendRoomMessage.Sent) herald.sendRoomMessage.send(command);

        assertThat(again.repeated()).isTrue();
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(heardBy(benPhone)).hasSize(1);
    }

    @Test
    void a_sender_past_its_allowance_in_a_room_is_limited_and_nothing_is_stored() {
        ManualClock clock = herald.clock;
        RecordingGateway gateway = new RecordingGateway();
        InMemoryConnectionRegistry connections = herald.connections;
        SendRoomMessage strict = new SendRoomMessage(herald.rooms, connections,
                new RegistryFanout(connections, new InMemoryRoomSubscriptions(gateway), gateway), new SequentialIds(),
                clock, new RoomRules(10, 10, new Allowance(1, Duration.ofSeconds(1), 2)));
        SendRoomMessage.Command command = new SendRoomMessage.Command(new Caller.OnConnection(anaPhone), lobby, "spam",
                Optional.empty());

        strict.send(command);
        strict.send(command);
        SendRoomMessage.Outcome limited = strict.send(command);
        clock.advance(Duration.ofSeconds(1));

        assertThat(limited).isInstanceOf(SendRoomMessage.Limited.class);
        assertThat(((SendRoomMessage.Limited) limited).retryAfter()).isPositive();
        assertThat(herald.rooms.find(lobby).orElseThrow().lastOffset()).isEqualTo(2);
        assertThat(strict.send(command)).isInstanceOf(SendRoomMessage.Sent.class);
    }

    @Test
    void subscribing_with_a_position_replays_what_was_missed_then_says_it_recovered() {
        say(anaPhone, "one");
        say(anaPhone, "two");
        say(anaPhone, "three");
        long epoch = herald.rooms.find(lobby).orElseThrow().epoch();

        SubscribeRoom.Outcome outcome = herald.subscribeRoom.subscribe(new SubscribeRoom.Command(benPhone, lobby,
                Optional.of(new RoomPosition(1, epoch))));

        assertThat(outcome).isEqualTo(new SubscribeRoom.Subscribed(lobby, true, 2, new RoomPosition(3, epoch)));
        List<Push> pushes = herald.gateway.pushesTo(benPhone);
        assertThat(pushes).hasSize(3);
        assertThat(pushes.subList(0, 2)).extracting(p -> ((Push.RoomMessageSaid) p).message().offset())
                .containsExactly(2L, 3L);
        assertThat(pushes.get(2)).isEqualTo(new Push.RoomSubscribed(lobby, true, 2, new RoomPosition(3, epoch)));
    }

    @Test
    void a_position_too_far_back_or_from_another_epoch_is_answered_as_not_recovered_without_a_replay() {
        SubscribeRoom small = new SubscribeRoom(herald.rooms, herald.roomSubscriptions, herald.connections,
                new RoomRules(10, 1, RoomRules.DEFAULTS.sendAllowance()));
        say(anaPhone, "one");
        say(anaPhone, "two");
        long epoch = herald.rooms.find(lobby).orElseThrow().epoch();

        SubscribeRoom.Outcome tooFar = small.subscribe(new SubscribeRoom.Command(benPhone, lobby,
                Optional.of(new RoomPosition(0, epoch))));
        SubscribeRoom.Outcome otherEpoch = small.subscribe(new SubscribeRoom.Command(benPhone, lobby,
                Optional.of(new RoomPosition(2, epoch + 1))));

        assertThat(tooFar).isEqualTo(new SubscribeRoom.Subscribed(lobby, false, 0, new RoomPosition(2, epoch)));
        assertThat(otherEpoch).isEqualTo(new SubscribeRoom.Subscribed(lobby, false, 0, new RoomPosition(2, epoch)));
        assertThat(herald.gateway.pushesTo(benPhone, Push.RoomMessageSaid.class)).isEmpty();
    }

    @Test
    void a_stranger_is_not_subscribed() {
        assertThat(herald.subscribeRoom.subscribe(new SubscribeRoom.Command(calPhone, lobby, Optional.empty())))
                .isEqualTo(new Refused(Refusal.NOT_A_MEMBER));
        say(anaPhone, "private");

        assertThat(herald.roomSubscriptions.subscribers(lobby)).doesNotContain(calPhone);
        assertThat(heardBy(calPhone)).isEmpty();
    }

    @Test
    void guild_rooms_are_not_made_joined_or_left_by_players() {
        RoomId guildRoom = RoomId.of(new GuildId("g1"));

        assertThat(herald.createRoom.create(new CreateRoom.Command(Optional.of(new Caller.OnConnection(anaPhone)),
                guildRoom, "Mine"))).isEqualTo(new Refused(Refusal.GUILD_ROOM));
        assertThat(herald.joinRoom.join(new JoinRoom.Command(new Caller.OnConnection(anaPhone), guildRoom)))
                .isEqualTo(new Refused(Refusal.GUILD_ROOM));
        assertThat(herald.joinRoom.leave(new JoinRoom.Command(new Caller.OnConnection(anaPhone), guildRoom)))
                .isEqualTo(new Refused(Refusal.GUILD_ROOM));
    }

    @Test
    void a_guild_room_comes_with_its_first_member_and_follows_the_list() {
        GuildId guild = new GuildId("g1");
        Member ana = new Member(team.session(), team.player(0));
        Member ben = new Member(team.session(), team.player(1));

        assertThat(herald.guildMembers.add(guild, ana)).isEqualTo(new GuildMembers.Added(RoomId.of(guild), false));
        assertThat(herald.guildMembers.add(guild, ben)).isEqualTo(new GuildMembers.Added(RoomId.of(guild), false));
        assertThat(herald.guildMembers.add(guild, ben)).isEqualTo(new GuildMembers.Added(RoomId.of(guild), true));
        assertThat(herald.guildMembers.list(guild, Optional.empty(), 10)).containsExactly(ana, ben);
        assertThat(herald.guildMembers.remove(guild, ben)).isEqualTo(new GuildMembers.Removed(RoomId.of(guild)));
        assertThat(herald.guildMembers.remove(guild, ben)).isEqualTo(new Refused(Refusal.NOT_A_MEMBER));
        assertThat(herald.rooms.find(RoomId.of(guild)).orElseThrow().members()).isEqualTo(1);
    }

    @Test
    void a_full_room_refuses_one_more_and_a_room_id_is_taken_once() {
        JoinRoom small = new JoinRoom(herald.rooms, herald.connections, new RoomRules(2, 10,
                RoomRules.DEFAULTS.sendAllowance()), herald.clock);

        assertThat(small.join(new JoinRoom.Command(new Caller.OnConnection(calPhone), lobby)))
                .isEqualTo(new Refused(Refusal.ROOM_FULL));
        assertThat(herald.createRoom.create(new CreateRoom.Command(Optional.empty(), lobby, "Again")))
                .isEqualTo(new Refused(Refusal.ROOM_EXISTS));
        assertThat(herald.joinRoom.leave(new JoinRoom.Command(new Caller.OnConnection(calPhone), lobby)))
                .isEqualTo(new Refused(Refusal.NOT_A_MEMBER));
    }

    @Test
    void the_read_cursor_never_passes_the_rooms_last_message_and_unread_counts_follow_it() {
        say(anaPhone, "one");
        say(anaPhone, "two");
        long epoch = herald.rooms.find(lobby).orElseThrow().epoch();
        Caller ben = new Caller.OnConnection(benPhone);

        assertThat(herald.roomHistory.markRead(ben, lobby, new RoomPosition(99, epoch)))
                .isEqualTo(new RoomHistory.Marked(new RoomPosition(2, epoch)));
        say(anaPhone, "three");

        List<RoomStore.MemberRoom> rooms = herald.roomHistory.roomsOf(ben);
        assertThat(rooms).singleElement().satisfies(r -> assertThat(r.unread()).isEqualTo(1));
        assertThat(herald.roomHistory.markRead(new Caller.OnConnection(calPhone), lobby, new RoomPosition(1, epoch)))
                .isEqualTo(new Refused(Refusal.NOT_A_MEMBER));
    }
}
