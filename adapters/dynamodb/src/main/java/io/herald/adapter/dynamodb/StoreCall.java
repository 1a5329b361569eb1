package io.herald.adapter.dynamodb;

import io.herald.application.retry.Backoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One DynamoDB call and what its failure means. The SDK client has already retried it as {@link DynamoDbClientSettings}
 * says, within the write deadline, so a failure that reaches this class is final: throttling, a 5xx, an I/O failure
 * or a timeout becomes {@link StoreUnavailableException} (the caller fails and is retried later); anything else (bad
 * credentials, a rejected request, a failed condition) is thrown as the SDK threw it, since trying again would not help.
 */
final class StoreCall {
    /** Between rounds of unprocessed batch items and of colliding transactions, which the SDK does not retry. */
    private static final Backoff ROUNDS = new Backoff(Duration.ofMillis(10), Duration.ofMillis(500));

    private final Duration deadline;

    StoreCall(Duration deadline) {
        this.deadline = deadline;
    }

    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (isTransient(e)) {
                throw new StoreUnavailableException(what + " kept failing within " + deadline, e);
            }
            throw e;
        }
    }

    /** Sleeps before the next round; {@code round} counts the rounds already made (1 or more). */
    static void pause(int round) {
        try {
            Thread.sleep(ROUNDS.delay(round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        // A client-side failure is transient only when the network or a timeout caused it: a missing or refused
        // credential, a region that cannot be resolved or a request the SDK cannot marshal stays as it is.
        return e instanceof SdkClientException && (e.retryable() || causedByIo(e)
                || e instanceof ApiCallTimeoutException
                || e instanceof ApiCallAttemptTimeoutException);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    Duration deadline() {
        return deadline;
    }
}
