package io.herald.application.port;

import io.herald.domain.VoiceSession;

/**
 * Where voice goes besides the other devices of the session: room left for a speech service (transcription, a voice
 * model) later. The default hears nothing.
 */
public interface VoiceSink {

    void started(VoiceSession session);

    void chunk(VoiceSession session, long seq, byte[] audio);

    void ended(VoiceSession session);

    VoiceSink NONE = new VoiceSink() {
        @Override
        public void started(VoiceSession session) {
        }

        @Override
        public void chunk(VoiceSession session, long seq, byte[] audio) {
        }

        @Override
        public void ended(VoiceSession session) {
        }
    };
}
