package io.herald.adapter.openai;

import java.time.Duration;
import java.util.Optional;

/** How one chat-completion request ended, as a value: the retry loop and the breaker decide on it, not exceptions. */
sealed interface Attempt {

    /** The endpoint answered with text; whether it may be sent is the {@link ReplyGuard}'s call. */
    record Answered(String content, Usage usage) implements Attempt {
    }

    /** The endpoint is healthy but gave no usable text (a refusal, no choices, a reply cut at the token limit). */
    record Declined(String reason, Usage usage) implements Attempt {
    }

    /** Worth another try within the budget: a timeout, a reset, a 5xx, a 429 that is not about quota. */
    record Transient(String reason, Optional<Duration> retryAfter) implements Attempt {
    }

    /** Another try would fail the same way: a 4xx, exhausted quota, a body that is not a chat completion. */
    record Broken(String reason) implements Attempt {
    }
}
