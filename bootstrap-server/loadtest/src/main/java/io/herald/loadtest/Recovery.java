package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * One reconnecting member's return: the position it left at, how many messages were sent while it was away, and
 * what came between its {@code room_subscribe} (sent at {@code subscribeNanos}) and the {@code room_subscribed}
 * answer. It recovered properly if the server says so, says it replayed exactly the missed messages, and sent
 * offsets left+1 … left+missed in that order, each once, and nothing else.
 */
record Recovery(String member, SeenPosition left, int missed, long subscribeNanos,
        Optional<Frame.RoomSubscribed> answer, OptionalLong answeredNanos, List<Long> replayOffsets,
        OptionalLong lastReplayNanos, Optional<String> failure) {
    private static final int SHOWN_OFFSETS = 8;

    Recovery {
        replayOffsets = List.copyOf(replayOffsets);
    }

    /** A return that never got as far as an answer: the reconnect or the subscription failed. */
    static Recovery failed(String member, SeenPosition left, int missed, String reason) {
        return new Recovery(member, left, missed, 0, Optional.empty(), OptionalLong.empty(), List.of(),
                OptionalLong.empty(), Optional.of(reason));
    }

    boolean recovered() {
        return answer.map(Frame.RoomSubscribed::recovered).orElse(false);
    }

    /** Everything that is not as it should be, each as one readable line; empty when the return was clean. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (failure.isPresent()) {
            problems.add(member + ": " + failure.get());
            return problems;
        }
        Frame.RoomSubscribed subscribed = answer.orElseThrow();
        if (!subscribed.recovered()) {
            problems.add(member + ": room_subscribed says recovered:false");
        }
        if (subscribed.replayed() != missed) {
            problems.add(member + ": room_subscribed says replayed:" + subscribed.replayed() + ", " + missed
                    + " were missed");
        }
        if (subscribed.epoch() != left.epoch()) {
            problems.add(member + ": room_subscribed has epoch " + subscribed.epoch() + ", left in " + left.epoch());
        }
        List<Long> owed = LongStream.rangeClosed(left.offset() + 1, left.offset() + missed).boxed().toList();
        if (!replayOffsets.equals(owed)) {
            problems.add(member + ": replayed offsets " + shown(replayOffsets) + ", expected " + shown(owed));
        }
        return problems;
    }

    /** From room_subscribe to the last replayed message, or to the answer when nothing was replayed. */
    OptionalLong toLastReplayedNanos() {
        OptionalLong end = lastReplayNanos.isPresent() ? lastReplayNanos : answeredNanos;
        return end.isEmpty() ? OptionalLong.empty() : OptionalLong.of(end.getAsLong() - subscribeNanos);
    }

    OptionalLong toSubscribedNanos() {
        return answeredNanos.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(answeredNanos.getAsLong() - subscribeNanos);
    }

    /** Short enough for one line: a run of consecutive offsets is written first..last. */
    static String shown(List<Long> offsets) {
        if (offsets.isEmpty()) {
            return "none";
        }
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= offsets.size(); i++) {
            if (i == offsets.size() || offsets.get(i) != offsets.get(i - 1) + 1) {
                runs.add(start == i - 1 ? String.valueOf(offsets.get(start))
                        : offsets.get(start) + ".." + offsets.get(i - 1));
                start = i;
            }
        }
        return (runs.size() <= SHOWN_OFFSETS ? runs : runs.subList(0, SHOWN_OFFSETS)).toString()
                + (runs.size() > SHOWN_OFFSETS ? " and " + (runs.size() - SHOWN_OFFSETS) + " more runs" : "")
                + " (" + offsets.size() + ")";
    }
}
