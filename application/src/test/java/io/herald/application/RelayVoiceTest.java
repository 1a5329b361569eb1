package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.Refusal;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RelayVoiceTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final ConnectionId anaPhone = herald.connect(team.session(), team.player(0));
    private final ConnectionId benPhone = herald.connect(team.session(), team.player(1));
    private final String chunk = Base64.getEncoder().encodeToString(new byte[320]);

    @Test
    void a_voice_session_is_relayed_to_the_other_devices_start_chunks_end() {
        RelayVoice.Started started = (RelayVoice.Started) herald.relayVoice.start(anaPhone, "opus", 48_000);
        herald.relayVoice.chunk(anaPhone, 0, chunk);
        herald.relayVoice.chunk(anaPhone, 1, chunk);
        RelayVoice.Ended ended = (RelayVoice.Ended) herald.relayVoice.end(anaPhone);

        assertThat(herald.gateway.pushesTo(benPhone)).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("VoiceStarted", "VoiceChunk", "VoiceChunk", "VoiceEnded");
        assertThat(herald.gateway.pushesTo(benPhone, Push.VoiceChunk.class)).extracting(Push.VoiceChunk::seq)
                .containsExactly(0L, 1L);
        assertThat(herald.gateway.pushesTo(anaPhone)).as("the speaker does not hear itself").isEmpty();
        assertThat(ended.voice().id()).isEqualTo(started.voice().id());
        assertThat(ended.voice().chunks()).isEqualTo(2);
        assertThat(ended.voice().bytes()).isEqualTo(640);
    }

    @Test
    void one_session_at_a_time_and_no_chunk_without_one() {
        assertThat(herald.relayVoice.chunk(anaPhone, 0, chunk)).isEqualTo(new Refused(Refusal.VOICE_NOT_STARTED));
        assertThat(herald.relayVoice.end(anaPhone)).isEqualTo(new Refused(Refusal.VOICE_NOT_STARTED));
        herald.relayVoice.start(anaPhone, "opus", 48_000);

        assertThat(herald.relayVoice.start(anaPhone, "opus", 48_000)).isEqualTo(new Refused(Refusal.VOICE_ACTIVE));
        assertThat(herald.relayVoice.start(new ConnectionId("not-joined"), "opus", 48_000))
                .isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
    }

    @Test
    void oversized_chunks_floods_and_overlong_sessions_are_refused() {
        herald.relayVoice.start(anaPhone, "pcm16", 16_000);
        String tooBig = Base64.getEncoder().encodeToString(new byte[RelayVoice.MAX_CHUNK_BYTES + 1]);

        assertThat(herald.relayVoice.chunk(anaPhone, 0, tooBig)).isEqualTo(new Refused(Refusal.VOICE_CHUNK_TOO_LARGE));
        RelayVoice.Outcome last = null;
        for (int i = 0; i < RelayVoice.CHUNK_RATE.burst() + 1; i++) {
            last = herald.relayVoice.chunk(anaPhone, i, chunk);
        }
        assertThat(last).isInstanceOf(RelayVoice.Limited.class);
        herald.clock.advance(RelayVoice.MAX_DURATION.plus(Duration.ofSeconds(1)));
        assertThat(herald.relayVoice.chunk(anaPhone, 999, chunk)).isEqualTo(new Refused(Refusal.VOICE_TOO_LONG));
        assertThat(herald.gateway.pushesTo(benPhone).getLast()).isInstanceOf(Push.VoiceEnded.class);
        assertThat(herald.voiceSessions.find(anaPhone)).isEmpty();
    }

    @Test
    void hanging_up_mid_sentence_ends_the_session_for_the_listeners() {
        herald.relayVoice.start(anaPhone, "opus", 48_000);

        herald.relayVoice.hangUp(anaPhone);
        herald.relayVoice.hangUp(anaPhone);

        assertThat(herald.gateway.pushesTo(benPhone, Push.VoiceEnded.class)).hasSize(1);
        assertThat(herald.voiceSessions.find(anaPhone)).isEmpty();
        assertThat(herald.relayVoice.chunk(anaPhone, 0, chunk)).isEqualTo(new Refused(Refusal.VOICE_NOT_STARTED));
        assertThat(herald.gateway.pushesTo(benPhone, Push.VoiceChunk.class)).isEmpty();
    }
}
