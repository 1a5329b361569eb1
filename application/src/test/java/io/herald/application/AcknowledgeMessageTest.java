package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.AcknowledgeMessage.AlreadyRecorded;
import io.herald.application.AcknowledgeMessage.Recorded;
import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.PageRequest;
import io.herald.domain.Ack;
import io.herald.domain.ConnectionId;
import io.herald.domain.Delivery;
import io.herald.domain.InboxKey;
import io.herald.domain.Message;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgeMessageTest {
    private final FakeHerald herald = new FakeHerald();
    private final TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final PlayerId ben = team.player(1);
    private ConnectionId anaPhone;
    private ConnectionId benPhone;
    private InboxKey anasKey;

    @BeforeEach
    void ana_has_one_message() {
        anaPhone = herald.connect(team.session(), ana);
        benPhone = herald.connect(team.session(), ben);
        herald.orchestrate.handle(new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now()));
        anasKey = new InboxKey(ana, new NodeComplete(team.session(), ana, new NodeId("node-3"), Instant.EPOCH).id());
    }

    private AcknowledgeMessage.Outcome ack(ConnectionId connection, SessionId session, InboxKey key, Ack ack) {
        return herald.acknowledge.acknowledge(new AcknowledgeMessage.Command(connection, session, key, ack));
    }

    private Message stored() {
        return herald.store.find(team.session(), anasKey, herald.clock.now()).orElseThrow();
    }

    @Test
    void delivered_then_read_are_both_recorded_with_server_time() {
        Instant deliveredAt = herald.clock.now();
        assertThat(ack(anaPhone, team.session(), anasKey, Ack.DELIVERED)).isInstanceOf(Recorded.class);
        herald.clock.advance(Duration.ofSeconds(5));
        assertThat(ack(anaPhone, team.session(), anasKey, Ack.READ)).isInstanceOf(Recorded.class);

        assertThat(stored().delivery()).isEqualTo(new Delivery.Read(deliveredAt, deliveredAt.plusSeconds(5)));
    }

    @Test
    void a_delivered_copy_is_no_longer_owed_to_catch_up() {
        ack(anaPhone, team.session(), anasKey, Ack.DELIVERED);

        assertThat(herald.fetchUndelivered.fetch(
                new FetchUndelivered.Query(team.session(), ana, PageRequest.first(10))).messages()).isEmpty();
    }

    @Test
    void retry_of_a_read_message_leaves_it_read() {
        ack(anaPhone, team.session(), anasKey, Ack.READ);
        Message read = stored();
        herald.clock.advance(Duration.ofMinutes(1));

        assertThat(ack(anaPhone, team.session(), anasKey, Ack.READ)).isInstanceOf(AlreadyRecorded.class);
        assertThat(ack(anaPhone, team.session(), anasKey, Ack.DELIVERED)).isInstanceOf(AlreadyRecorded.class);
        assertThat(stored()).isEqualTo(read);
    }

    @Test
    void an_ack_for_another_players_key_is_refused_and_changes_nothing() {
        Message before = stored();

        assertThat(ack(benPhone, team.session(), anasKey, Ack.READ)).isEqualTo(new Refused(Refusal.NOT_YOUR_MESSAGE));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_ack_naming_another_session_is_refused_and_changes_nothing() {
        Message before = stored();

        assertThat(ack(anaPhone, new SessionId("other-session"), anasKey, Ack.DELIVERED))
                .isEqualTo(new Refused(Refusal.SESSION_MISMATCH));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_ack_from_an_unknown_connection_is_refused_and_changes_nothing() {
        Message before = stored();

        assertThat(ack(new ConnectionId("forged"), team.session(), anasKey, Ack.DELIVERED))
                .isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void an_ack_from_a_connection_that_has_closed_is_refused() {
        herald.closeConnection.close(new CloseConnection.Command(anaPhone));

        assertThat(ack(anaPhone, team.session(), anasKey, Ack.DELIVERED))
                .isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
    }

    @Test
    void an_ack_for_a_key_that_does_not_exist_is_refused() {
        InboxKey missing = new InboxKey(ana, new io.herald.domain.EventId("NodeComplete-0000000000000000"));

        assertThat(ack(anaPhone, team.session(), missing, Ack.DELIVERED))
                .isEqualTo(new Refused(Refusal.MESSAGE_NOT_FOUND));
    }

    @Test
    void an_expired_copy_cannot_be_acknowledged_or_fetched() {
        herald.clock.advance(Message.RETENTION);

        assertThat(ack(anaPhone, team.session(), anasKey, Ack.DELIVERED))
                .isEqualTo(new Refused(Refusal.MESSAGE_NOT_FOUND));
        assertThat(herald.fetchUndelivered.fetch(
                new FetchUndelivered.Query(team.session(), ana, PageRequest.first(10))).messages()).isEmpty();
    }
}
