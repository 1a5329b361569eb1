package io.herald.adapter.dynamodb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a DynamoDB call again after throttling, a 5xx or an I/O failure, with jittered exponential backoff, until a
 * deadline. The SDK retries a few times on its own; this keeps going for as long as the caller can afford.
 */
final class Retrying {
    private static final long BASE_BACKOFF_MILLIS = 10;
    private static final long MAX_BACKOFF_MILLIS = 500;

    private final Duration deadline;

    Retrying(Duration deadline) {
        this.deadline = deadline;
    }

    <T> T call(String what, Supplier<T> call) {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (System.nanoTime() >= giveUpAt) {
                    throw new StoreUnavailableException(what + " kept failing for " + deadline, e);
                }
                backOff(attempt);
            }
        }
    }

    /** Sleeps before the next attempt; also used between rounds of unprocessed batch items. */
    static void backOff(int attempt) {
        long cap = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while backing off", e);
        }
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    Duration deadline() {
        return deadline;
    }
}
