package io.herald.adapter.openai;

import io.herald.application.port.MessageComposer.Composition;
import io.herald.domain.Message;

/**
 * Turns what the model wrote into a message Herald may store, or a failure: trimmed, stripped of control and bidi
 * characters, non-empty, within {@link Message#MAX_CONTENT_LENGTH} (so any copy fits one 32 KiB frame), and not a
 * recital of the system prompt (see {@link PromptEcho}).
 */
final class ReplyGuard {
    private ReplyGuard() {
    }

    static Composition check(String reply, String systemPrompt) {
        String text = clean(reply);
        if (text.isEmpty()) {
            return new Composition.Failed("empty output");
        }
        if (text.length() > Message.MAX_CONTENT_LENGTH) {
            return new Composition.Failed("output longer than " + Message.MAX_CONTENT_LENGTH + " characters");
        }
        if (PromptEcho.echoes(text, systemPrompt)) {
            return new Composition.Failed("output repeats the system prompt");
        }
        return new Composition.Text(text);
    }

    /** Keeps line breaks (a two-sentence line may use one) and drops every other control or direction override. */
    static String clean(String reply) {
        StringBuilder kept = new StringBuilder(reply.length());
        reply.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(cp -> cp == '\n' || !(Character.isISOControl(cp) || isBidiControl(cp)))
                .forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
