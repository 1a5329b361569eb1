package io.herald.adapter.eventbridge;

/**
 * EventBridge refused an event for a reason no retry can change (access denied, a malformed entry): a fault to fix
 * in the deployment, never reported to the runtime as "busy". Passing trouble that outlasts the budget is an
 * {@link io.herald.application.port.EventPublisher.Unavailable} instead.
 */
public final class EventPublishFailedException extends RuntimeException {
    public EventPublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
