package io.herald.loadtest;

import java.io.IOException;
import java.util.concurrent.Callable;

/** The outcome of one network step of one player, so that thousands of them can fail and still be counted. */
sealed interface StepResult<T> {
    record Done<T>(T value) implements StepResult<T> {}

    record Failed<T>(String reason) implements StepResult<T> {}

    static <T> StepResult<T> of(Callable<T> step) {
        try {
            return new Done<>(step.call());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed<>("interrupted");
        } catch (Exception e) {
            return new Failed<>(Failures.describe(e));
        } catch (InternalError e) {
            // The JDK HttpClient reports a socket it cannot open ("Too many open files") as an InternalError.
            if (e.getCause() instanceof IOException) {
                return new Failed<>(Failures.describe(e));
            }
            throw e;
        }
    }
}
