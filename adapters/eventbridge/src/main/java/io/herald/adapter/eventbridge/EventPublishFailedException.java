package io.herald.adapter.eventbridge;

/** EventBridge did not take an event within the publish budget: the caller must fail (and be retried), never assume it went. */
public final class EventPublishFailedException extends RuntimeException {
    public EventPublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
