package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.VoiceSessions;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.VoiceSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link VoiceSessions} keeps: one open session per connection, its counts, and its end. */
public abstract class VoiceSessionsContract {
    private final ConnectionId phone = new ConnectionId("c-" + UUID.randomUUID());
    private final VoiceSession voice = new VoiceSession("voice-1", phone, new Member(new SessionId("s"),
            new PlayerId("ana")), "opus", 48_000, ContractTime.base().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
            0, 0);

    protected abstract VoiceSessions sessions();

    @Test
    void one_session_per_connection_until_it_ends() {
        assertThat(sessions().start(voice)).isTrue();
        assertThat(sessions().start(new VoiceSession("voice-2", phone, voice.speaker(), "opus", 48_000,
                voice.startedAt(), 0, 0))).isFalse();

        sessions().update(voice.withChunk(100).withChunk(20));

        assertThat(sessions().find(phone)).contains(voice.withChunk(100).withChunk(20));
        assertThat(sessions().end(phone)).contains(voice.withChunk(100).withChunk(20));
        assertThat(sessions().find(phone)).isEmpty();
        assertThat(sessions().end(phone)).isEmpty();
        assertThat(sessions().start(voice)).as("a new one may start after the end").isTrue();
    }

    @Test
    void a_chunk_of_a_session_that_ended_counts_for_nothing() {
        sessions().start(voice);
        sessions().end(phone);

        sessions().update(voice.withChunk(10));

        assertThat(sessions().find(phone)).isEmpty();
    }
}
