package io.herald.loadtest;

/** Receives every frame of every connection; called on HttpClient threads, so implementations must be thread-safe. */
@FunctionalInterface
interface ArrivalListener {
    void onArrival(Arrival arrival);
}
