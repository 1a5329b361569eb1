package io.herald.adapter.dynamodb;

/** DynamoDB kept refusing within the write deadline: the caller must fail (and be retried), never assume success. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
