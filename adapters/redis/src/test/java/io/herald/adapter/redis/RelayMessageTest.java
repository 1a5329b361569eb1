package io.herald.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.Audience;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.SessionId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayMessageTest {
    private final SessionId session = new SessionId("session-1");
    private final PlayerId ana = new PlayerId("ana");

    @Test
    void every_kind_of_message_reads_back_as_it_was_written() {
        for (RelayMessage message : new RelayMessage[] {
                new RelayMessage.Frame("node-a", Audience.player(session, ana), "{\"type\":\"ai_message\"}"),
                new RelayMessage.Frame("node-a", Audience.othersIn(session, ana), "{\"a\":\"x\\ny\"}"),
                new RelayMessage.Frame("node-a", Audience.everyoneIn(session), "{}"),
                new RelayMessage.Frame("node-a", Audience.subscribersOf(new RoomId("lobby")), "{\"offset\":9}", 9),
                new RelayMessage.Frame("node-a", Audience.subscribersOf(new RoomId("GUILD#raiders")), "{}", 1),
                new RelayMessage.RosterChanged("node-b", session)}) {
            assertThat(RelayMessage.decode(RelayMessage.encode(message))).contains(message);
        }
    }

    @Test
    void a_frame_keeps_line_breaks_inside_it() {
        RelayMessage frame = new RelayMessage.Frame("n", Audience.player(session, ana), "line one\nline two");

        assertThat(RelayMessage.decode(RelayMessage.encode(frame))).contains(frame);
    }

    @Test
    void what_this_version_cannot_read_is_ignored_rather_than_misread() {
        assertThat(RelayMessage.decode("")).isEmpty();
        assertThat(RelayMessage.decode("h2\nnode\nplayer\ns\np\n{}")).isEmpty();
        assertThat(RelayMessage.decode("h1\nnode\nvoice\ns\np\n{}")).isEmpty();
        assertThat(RelayMessage.decode("h1\nnode\nplayer\nbad#session\np\n{}")).isEmpty();
        assertThat(RelayMessage.decode("h1\nnode\nplayer\ns")).isEqualTo(Optional.empty());
        assertThat(RelayMessage.decode("h1\nnode\nroom\nlobby\n-1\n{}")).isEmpty();
        assertThat(RelayMessage.decode("h1\nnode\nroom\nlobby\nseven\n{}")).isEmpty();
        assertThat(RelayMessage.decode("h1\nnode\nroom\nbad room\n1\n{}")).isEmpty();
    }
}
