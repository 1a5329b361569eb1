package io.herald.adapter.openai;

import io.herald.application.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SystemPromptSource}: read once at start (where a missing or unreadable prompt is an error), then served
 * from memory and read again when {@code refresh} has passed, on the calling thread so nothing runs in the background
 * of a frozen Lambda. A failed refresh keeps the last good prompt and tries again one interval later.
 */
final class RefreshingSystemPrompt implements SystemPromptSource {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingSystemPrompt.class);

    private final PromptLoader loader;
    private final Duration refresh;
    private final Clock clock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Loaded current;

    private record Loaded(String text, Instant at) {
    }

    /** Throws {@link SystemPromptUnavailableException} naming the source when the first read fails. */
    RefreshingSystemPrompt(PromptLoader loader, Duration refresh, Clock clock) {
        this.loader = loader;
        this.refresh = refresh;
        this.clock = clock;
        this.current = new Loaded(loader.load(), clock.now());
    }

    @Override
    public String systemPrompt() {
        Loaded last = current;
        Instant now = clock.now();
        // Callers that find a reload under way keep using the last prompt rather than wait for it.
        if (now.isBefore(last.at().plus(refresh)) || !reloading.tryLock()) {
            return last.text();
        }
        try {
            if (current != last) {
                return current.text();
            }
            current = new Loaded(loader.load(), now);
        } catch (SystemPromptUnavailableException e) {
            LOG.warn("keeping the last system prompt: {}", e.getMessage());
            current = new Loaded(last.text(), now);
        } finally {
            reloading.unlock();
        }
        return current.text();
    }
}
