package io.herald.adapter.openai;

/** The key was named but could not be read at start; the adapter must not come up half-configured. */
public final class ApiKeyUnavailableException extends RuntimeException {
    public ApiKeyUnavailableException(String message) {
        super(message);
    }

    public ApiKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
