package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Books every received frame in the ledger it belongs to and counts the frames that signal trouble. */
final class ArrivalRouter implements ArrivalListener {
    private static final int KEPT_EXAMPLES = 5;
    private static final String NODE_COMPLETED = "NODE_COMPLETED";

    private final DeliveryLedger aiMessages = new DeliveryLedger();
    private final DeliveryLedger deltas = new DeliveryLedger();
    private final AtomicInteger errorFrames = new AtomicInteger();
    private final AtomicInteger malformedFrames = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private final List<String> examples = new ArrayList<>();

    /** The key of one NODE_COMPLETED delta as one recipient should see it. */
    static String deltaKey(String recipientId, String eventPlayerId, String nodeId) {
        return recipientId + "|" + eventPlayerId + "|" + nodeId;
    }

    @Override
    public void onArrival(Arrival arrival) {
        switch (arrival.frame()) {
            case Frame.AiMessage message -> aiMessages.receive(arrival.connectionId(), message.sk(),
                    arrival.atNanos());
            case Frame.RuntimeDelta delta -> {
                for (Frame.Delta each : delta.deltas()) {
                    if (NODE_COMPLETED.equals(each.type())) {
                        deltas.receive(arrival.connectionId(),
                                deltaKey(arrival.receiver().playerId(), each.playerId(), each.nodeId()),
                                arrival.atNanos());
                    }
                }
            }
            case Frame.ServerError error -> {
                errorFrames.incrementAndGet();
                keepExample("error frame to " + arrival.receiver().playerName() + ": " + error.code() + " "
                        + error.message() + (error.ref() == null ? "" : " ref=" + error.ref()));
            }
            case Frame.Malformed malformed -> {
                malformedFrames.incrementAndGet();
                keepExample("malformed frame (" + malformed.reason() + "): " + Failures.abbreviate(malformed.text()));
            }
            case Frame.Pong ignored -> pongs.incrementAndGet();
            case Frame.Joined ignored -> {
                // The session's join future handles it.
            }
            case Frame.Other ignored -> {
                // Frames of later issues (rooms, notifications) are not what these scenarios measure.
            }
        }
    }

    DeliveryLedger aiMessages() {
        return aiMessages;
    }

    DeliveryLedger deltas() {
        return deltas;
    }

    int errorFrames() {
        return errorFrames.get();
    }

    int malformedFrames() {
        return malformedFrames.get();
    }

    int pongs() {
        return pongs.get();
    }

    /** The first few error or malformed frames, verbatim enough to debug the server with. */
    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    private synchronized void keepExample(String example) {
        if (examples.size() < KEPT_EXAMPLES) {
            examples.add(example);
        }
    }
}
