package io.herald.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One push-to-talk stretch of one connection (seed 004's {@code voice_start} to {@code voice_end}): who speaks,
 * in what format, since when, and how much has been relayed so far.
 */
public record VoiceSession(String id, ConnectionId connection, Member speaker, String format, int sampleRate,
        Instant startedAt, long chunks, long bytes) {
    public static final int MAX_FORMAT_LENGTH = 32;

    public VoiceSession {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(startedAt, "startedAt");
        Ids.require(id, "voice id");
        Ids.require(format, "voice format");
        if (format.length() > MAX_FORMAT_LENGTH || sampleRate < 1 || chunks < 0 || bytes < 0) {
            throw new IllegalArgumentException("a voice format is at most " + MAX_FORMAT_LENGTH
                    + " characters and its sample rate positive");
        }
    }

    public VoiceSession withChunk(int size) {
        return new VoiceSession(id, connection, speaker, format, sampleRate, startedAt, chunks + 1, bytes + size);
    }
}
