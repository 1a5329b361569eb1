package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.wire.DomainJson;
import io.herald.application.DescribeSession;
import io.herald.application.port.RoomStore;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.ConversationLine;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The typed answers that replaced hand-built JSON, as the bytes Micronaut's mapper writes: the fields in the order
 * they always came, empty lists and nulls kept, and the fields that were left out still left out.
 */
class AnswerBodiesTest {
    private static final Instant AT = Instant.parse("2026-01-09T10:30:00.120Z");
    private static final String TS = "\"" + DomainJson.timestamp(AT) + "\"";
    private static final Member ANA = new Member(new SessionId("s-1"), new PlayerId("ana"));
    private static final CharacterId SAGE = new CharacterId("sage");

    private static String wire(Object body) {
        return WireJson.write(body);
    }

    @Test
    void a_session_snapshot_lists_each_player_and_an_empty_team_as_an_empty_list() {
        Team team = new Team(new TeamCode("ABCDEF"), ANA.session(), TeamMode.TEAM, TravelMode.CO_LOCATED);
        DescribeSession.Snapshot two = new DescribeSession.Snapshot(team, List.of(
                new DescribeSession.PlayerPresence(new SessionPlayer(ANA.player(), "Ana \"A\"", PlayerStatus.ACTIVE), 2),
                new DescribeSession.PlayerPresence(new SessionPlayer(new PlayerId("ben"), "Ben", PlayerStatus.LEFT), 0)));

        assertThat(wire(SessionBodies.SessionSnapshot.of("s-1", two))).isEqualTo("{\"sessionId\":\"s-1\","
                + "\"teamCode\":\"ABCDEF\",\"mode\":\"team\",\"travelMode\":\"co-located\",\"players\":["
                + "{\"playerId\":\"ana\",\"playerName\":\"Ana \\\"A\\\"\",\"status\":\"active\",\"devicesOnline\":2},"
                + "{\"playerId\":\"ben\",\"playerName\":\"Ben\",\"status\":\"left\",\"devicesOnline\":0}],"
                + "\"success\":true}");
        assertThat(wire(SessionBodies.SessionSnapshot.of("s-1", new DescribeSession.Snapshot(team, List.of()))))
                .contains("\"players\":[],");
    }

    @Test
    void rooms_answer_with_the_room_fields_and_leaving_says_nothing_of_already() {
        Room guild = new Room(new RoomId("GUILD#g-1"), "Guild", 7, 1_764_567_000_123L, 2, AT);
        RoomStore.MemberRoom mine = new RoomStore.MemberRoom(guild,
                new Membership(guild.id(), ANA, new RoomPosition(4, guild.epoch()), AT));

        assertThat(wire(RoomBodies.RoomCreated.of(guild))).isEqualTo("{\"roomId\":\"GUILD#g-1\",\"name\":\"Guild\","
                + "\"guild\":true,\"offset\":7,\"epoch\":1764567000123,\"members\":2,\"success\":true}");
        assertThat(wire(new RoomBodies.RoomList(List.of(RoomBodies.MemberRoom.of(mine))))).isEqualTo("{\"rooms\":["
                + "{\"roomId\":\"GUILD#g-1\",\"name\":\"Guild\",\"guild\":true,\"offset\":7,\"epoch\":1764567000123,"
                + "\"members\":2,\"unread\":3,\"readOffset\":4}],\"success\":true}");
        assertThat(wire(new RoomBodies.RoomList(List.of()))).isEqualTo("{\"rooms\":[],\"success\":true}");
        assertThat(wire(RoomBodies.RoomMembership.joined("lobby", false)))
                .isEqualTo("{\"roomId\":\"lobby\",\"member\":true,\"already\":false,\"success\":true}");
        assertThat(wire(RoomBodies.RoomMembership.left("lobby")))
                .isEqualTo("{\"roomId\":\"lobby\",\"member\":false,\"success\":true}");
        assertThat(wire(new RoomBodies.ReadMark("lobby", 0, -1)))
                .isEqualTo("{\"roomId\":\"lobby\",\"readOffset\":0,\"epoch\":-1,\"success\":true}");
    }

    @Test
    void a_guild_page_names_the_next_member_only_when_there_may_be_more() {
        List<RoomBodies.GuildMember> one = List.of(RoomBodies.GuildMember.of(ANA));

        assertThat(wire(new RoomBodies.GuildMemberPage("g-1", one, "s-1|ana", true))).isEqualTo("{\"guildId\":\"g-1\","
                + "\"members\":[{\"sessionId\":\"s-1\",\"playerId\":\"ana\"}],\"next\":\"s-1|ana\",\"success\":true}");
        assertThat(wire(new RoomBodies.GuildMemberPage("g-1", List.of(), null, true)))
                .isEqualTo("{\"guildId\":\"g-1\",\"members\":[],\"success\":true}");
    }

    @Test
    void a_chat_turn_is_the_chat_message_frame_with_a_null_interaction_kept() {
        ChatTurn said = new ChatTurn("t-1", ANA, SAGE, ChatTurn.Role.PLAYER, new RoomText("hi \u00e9"), AT,
                Optional.empty());
        ChatTurn reply = new ChatTurn("t-2", ANA, SAGE, ChatTurn.Role.CHARACTER, new RoomText("Hello"), AT,
                Optional.of("llm-1"));

        assertThat(wire(ChatBodies.ChatTurnItem.of(said))).isEqualTo(DomainJson.chatTurn(said).toString());
        assertThat(wire(ChatBodies.ChatTurnItem.of(reply))).isEqualTo(DomainJson.chatTurn(reply).toString());
        assertThat(wire(ChatBodies.ChatReply.of(said, reply, false))).isEqualTo("{\"fellBack\":false,\"said\":"
                + DomainJson.chatTurn(said) + ",\"reply\":" + DomainJson.chatTurn(reply) + ",\"success\":true}");
        assertThat(wire(new ChatBodies.ChatHistory("sage", List.of(), null, true)))
                .isEqualTo("{\"characterId\":\"sage\",\"turns\":[],\"success\":true}");
        assertThat(wire(new ChatBodies.ChatHistory("sage", List.of(ChatBodies.ChatTurnItem.of(reply)), "c-2", true)))
                .isEqualTo("{\"characterId\":\"sage\",\"turns\":[" + DomainJson.chatTurn(reply)
                        + "],\"nextCursor\":\"c-2\",\"success\":true}");
    }

    @Test
    void a_conversation_keeps_a_null_interaction_on_each_line() {
        List<ConversationLine> lines = List.of(
                new ConversationLine("c-1", 0, ANA.session(), SAGE, new RoomText("One"), AT, Optional.of("llm-1")),
                new ConversationLine("c-1", 1, ANA.session(), new CharacterId("fox"), new RoomText("Two"), AT,
                        Optional.empty()));

        assertThat(wire(ChatBodies.ConversationLines.of("c-1", lines))).isEqualTo("{\"conversationId\":\"c-1\","
                + "\"lines\":[{\"index\":0,\"characterId\":\"sage\",\"text\":\"One\",\"createdAt\":" + TS
                + ",\"llmInteractionId\":\"llm-1\"},{\"index\":1,\"characterId\":\"fox\",\"text\":\"Two\",\"createdAt\":"
                + TS + ",\"llmInteractionId\":null}],\"success\":true}");
    }

    @Test
    void a_connection_keeps_empty_and_null_fields_and_only_a_page_of_all_has_a_cursor() {
        ConnectionRecord open = ConnectionRecord.opened(new ConnectionId("c-1"), ANA, AT, null, "Browser/1");
        ConnectionRecord closed = new ConnectionRecord(new ConnectionId("c-2"), ANA, AT, AT, "10.0.0.1", "",
                ConnectionStatus.DISCONNECTED, Optional.of(AT));

        assertThat(wire(AdminBodies.ConnectionList.of(List.of(open, closed), Optional.empty()))).isEqualTo(
                "{\"connections\":[{\"connectionId\":\"c-1\",\"sessionId\":\"s-1\",\"playerId\":\"ana\","
                + "\"status\":\"connected\",\"createdAt\":" + TS + ",\"lastActivity\":" + TS + ",\"clientAddress\":\"\","
                + "\"userAgent\":\"Browser/1\",\"disconnectedAt\":null},{\"connectionId\":\"c-2\",\"sessionId\":\"s-1\","
                + "\"playerId\":\"ana\",\"status\":\"disconnected\",\"createdAt\":" + TS + ",\"lastActivity\":" + TS
                + ",\"clientAddress\":\"10.0.0.1\",\"userAgent\":\"\",\"disconnectedAt\":" + TS + "}],\"success\":true}");
        assertThat(wire(AdminBodies.ConnectionList.of(List.of(), Optional.of("next-1"))))
                .isEqualTo("{\"connections\":[],\"nextCursor\":\"next-1\",\"success\":true}");
        assertThat(wire(new AdminBodies.StatusChanged("c-1", "disconnected")))
                .isEqualTo("{\"connectionId\":\"c-1\",\"status\":\"disconnected\",\"success\":true}");
        assertThat(wire(new AdminBodies.Cleanup(1, 0, Duration.ofMinutes(90)))).isEqualTo(
                "{\"closed\":1,\"forgotten\":0,\"inactiveAfterSeconds\":5400,\"success\":true}");
    }

    @Test
    void notification_updates_say_what_changed() {
        assertThat(wire(new ResponseBodies.NotificationUpdated("n-1", false)))
                .isEqualTo("{\"notificationId\":\"n-1\",\"changed\":false,\"success\":true}");
        assertThat(wire(new ResponseBodies.NotificationsRead(0))).isEqualTo("{\"marked\":0,\"success\":true}");
    }
}
