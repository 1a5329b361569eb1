package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the frames that signal trouble (and pongs), keeping the first few verbatim enough to debug the server. */
final class Troubles {
    private static final int KEPT_EXAMPLES = 5;

    private final AtomicInteger errorFrames = new AtomicInteger();
    private final AtomicInteger malformedFrames = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private final List<String> examples = new ArrayList<>();

    /** Books a frame the scenario does not book itself (for most, neither an ai_message nor a runtime_delta). */
    void onOtherFrame(Arrival arrival) {
        switch (arrival.frame()) {
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
                // Frames of other features (notifications, room frames this tool does not read) are not measured.
            }
            case Frame.AiMessage ignored -> {
                // Booked by the scenario's router.
            }
            case Frame.RuntimeDelta ignored -> {
                // Booked by the scenario's router.
            }
            case Frame.RoomMessage ignored -> {
                // Booked by the room scenario's members.
            }
            case Frame.RoomSubscribed ignored -> {
                // Answers the room scenario's subscription.
            }
            case Frame.RoomSent ignored -> {
                // Answers the room scenario's send.
            }
        }
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

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    private synchronized void keepExample(String example) {
        if (examples.size() < KEPT_EXAMPLES) {
            examples.add(example);
        }
    }
}
