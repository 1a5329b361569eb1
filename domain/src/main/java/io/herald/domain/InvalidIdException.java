package io.herald.domain;

/** Raised when text from outside cannot be an identifier; adapters turn it into a stable `invalid_id` error. */
public final class InvalidIdException extends IllegalArgumentException {
    public InvalidIdException(String message) {
        super(message);
    }
}
