package io.herald.adapter.openai;

/** The system prompt could not be read or parsed; the message names the source so the fix is obvious. */
public final class SystemPromptUnavailableException extends RuntimeException {
    public SystemPromptUnavailableException(String message) {
        super(message);
    }

    public SystemPromptUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
