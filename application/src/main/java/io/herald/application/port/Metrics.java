package io.herald.application.port;

import java.time.Duration;

/**
 * The service level indicators the core reports as it works (seed 000's SLIs and the ones an operator of this
 * system asks for first). The server shape exports them to Prometheus, the Lambda shape writes them into its log as
 * CloudWatch embedded metrics; tests and a core without an exporter use {@link #NONE}.
 */
public interface Metrics {

    Metrics NONE = new Metrics() {
    };

    /** One push went to an audience: how many devices took it, were gone for good (410), or failed. */
    default void pushed(String pushType, Reach reach, Duration took) {
    }

    /** An AI message copy reached a connected device this long after it was stored. */
    default void deliveredOnline(String messageType, Duration sinceStored) {
    }

    /** How one game event's orchestration ended ({@code sent}, {@code silent}, {@code cooling_down}…). */
    default void orchestrated(String outcome, boolean fallbackText) {
    }

    /** A broadcast was stored once per recipient: this many copies. */
    default void broadcastCopies(int copies) {
    }

    /** Something that had arrived before was recognised and not done twice (an event, a room send, a notification). */
    default void duplicateSuppressed(String what) {
    }

    /** One catch-up page was read: how many messages it held and how long the store took. */
    default void caughtUp(int messages, Duration took) {
    }

    /** One call to a language model: for what, how it ended (empty reason: it answered), what it cost. */
    default void modelCall(String purpose, String fallbackReason, int promptTokens, int completionTokens,
            Duration latency) {
    }

    /** One frame arrived from a device, by its {@code type} ({@code invalid} when it could not be read). */
    default void frameIn(String type) {
    }

    /** A request or frame was refused with this stable code, on {@code http} or {@code websocket}. */
    default void refused(String channel, String code) {
    }

    /**
     * One call to the store as its client made it: the operation, whether it succeeded in the end, how many times it
     * was retried and how many of its attempts the store throttled, and how long it took with its retries.
     */
    default void storeCall(String operation, boolean succeeded, int retries, int throttledAttempts, Duration took) {
    }
}
