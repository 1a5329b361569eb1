package io.herald.application;

import io.herald.application.limit.Allowance;
import io.herald.application.limit.RateLimiter;
import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.Push;
import io.herald.application.port.VoiceSessions;
import io.herald.application.port.VoiceSink;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.VoiceSession;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Push-to-talk (seed 004): a joined connection opens one voice session at a time, its chunks are relayed as they
 * come to the other devices of its session through the delivery engine (live only: voice is not stored, so a device
 * that misses a chunk misses it), and to the {@link VoiceSink}. Chunks are bounded in size, rate and total duration.
 */
public final class RelayVoice {
    public static final int MAX_CHUNK_BYTES = 16 * 1024;
    public static final Duration MAX_DURATION = Duration.ofSeconds(60);
    public static final Allowance CHUNK_RATE = new Allowance(50, Duration.ofSeconds(1), 100);

    private final ConnectionRegistry connections;
    private final VoiceSessions sessions;
    private final VoiceSink sink;
    private final Fanout fanout;
    private final IdGenerator ids;
    private final Clock clock;
    private final RateLimiter chunks;

    public RelayVoice(ConnectionRegistry connections, VoiceSessions sessions, VoiceSink sink, Fanout fanout,
            IdGenerator ids, Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.sink = sink;
        this.fanout = fanout;
        this.ids = ids;
        this.clock = clock;
        this.chunks = new RateLimiter(CHUNK_RATE, clock, 100_000);
    }

    public sealed interface Outcome permits Started, Relayed, Ended, Limited, Refused {
    }

    public record Started(VoiceSession voice) implements Outcome {
    }

    public record Relayed(long seq, int devices) implements Outcome {
    }

    public record Ended(VoiceSession voice) implements Outcome {
    }

    public record Limited(Duration retryAfter) implements Outcome {
    }

    public Outcome start(ConnectionId connection, String format, int sampleRate) {
        Optional<Connection> speaker = joined(connection);
        if (speaker.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        VoiceSession voice = new VoiceSession("voice-" + ids.newMessageId().value(), connection,
                Member.of(speaker.get()), format, sampleRate, clock.now(), 0, 0);
        if (!sessions.start(voice)) {
            return new Refused(Refusal.VOICE_ACTIVE);
        }
        sink.started(voice);
        fanout.send(Audience.othersIn(speaker.get().session(), speaker.get().player()), new Push.VoiceStarted(voice));
        return new Started(voice);
    }

    /** {@code base64}: the chunk as the wire carries it; it is decoded only to check it and to feed the sink. */
    public Outcome chunk(ConnectionId connection, long seq, String base64) {
        Optional<VoiceSession> open = sessions.find(connection);
        if (open.isEmpty()) {
            return new Refused(Refusal.VOICE_NOT_STARTED);
        }
        if (clock.now().isAfter(open.get().startedAt().plus(MAX_DURATION))) {
            end(connection);
            return new Refused(Refusal.VOICE_TOO_LONG);
        }
        if (base64.length() > (MAX_CHUNK_BYTES + 2) / 3 * 4) {
            return new Refused(Refusal.VOICE_CHUNK_TOO_LARGE);
        }
        if (chunks.take(connection.value()) instanceof RateLimiter.Limited limited) {
            return new Limited(limited.retryAfter());
        }
        byte[] audio = Base64.getDecoder().decode(base64);
        if (audio.length > MAX_CHUNK_BYTES) {
            return new Refused(Refusal.VOICE_CHUNK_TOO_LARGE);
        }
        VoiceSession voice = open.get().withChunk(audio.length);
        sessions.update(voice);
        sink.chunk(voice, seq, audio);
        int devices = fanout.send(Audience.othersIn(voice.speaker().session(), voice.speaker().player()),
                new Push.VoiceChunk(voice, seq, base64)).sent();
        return new Relayed(seq, devices);
    }

    public Outcome end(ConnectionId connection) {
        Optional<VoiceSession> ended = sessions.end(connection);
        if (ended.isEmpty()) {
            return new Refused(Refusal.VOICE_NOT_STARTED);
        }
        sink.ended(ended.get());
        fanout.send(Audience.othersIn(ended.get().speaker().session(), ended.get().speaker().player()),
                new Push.VoiceEnded(ended.get()));
        return new Ended(ended.get());
    }

    /** The connection closed: a voice session it left open ends, so the listeners hear it end. */
    public void hangUp(ConnectionId connection) {
        if (sessions.find(connection).isPresent()) {
            end(connection);
        }
    }

    private Optional<Connection> joined(ConnectionId connection) {
        return connections.find(connection).filter(Connection::joined);
    }
}
