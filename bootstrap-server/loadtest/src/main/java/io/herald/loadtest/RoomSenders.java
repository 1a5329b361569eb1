package io.herald.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sending side of a room run. The members asked to talk all send at once, each over its own socket, never with
 * two sends unanswered: message k leaves k × interval after the first, or when room_sent answers message k-1 if
 * that is later. A refusal (an error frame naming the send) is counted and the sender goes on; a send that got no
 * answer stops its sender, so a stuck connection costs one timeout, not one per message. Collects what each
 * room_sent took and why any send failed, over every phase.
 */
final class RoomSenders {
    private final Duration interval;
    private final Duration timeout;
    private final PrintStream out;
    private final List<Long> roundTrips = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    RoomSenders(Duration interval, Duration timeout, PrintStream out) {
        this.interval = interval;
        this.timeout = timeout;
        this.out = out;
    }

    /** {@code count} messages from each of {@code talking}; returns how many room_sent answered. */
    int send(List<RoomMember> talking, RoomBook.Phase phase, int count, String label) {
        Progress progress = new Progress(out, label + " messages answered", talking.size() * count);
        List<StepResult<List<StepResult<RoomMember.Answered>>>> bySender = Bounded.map(talking,
                Math.max(1, talking.size()), Progress.SILENT, member -> StepResult.of(() -> {
                    AtomicBoolean stuck = new AtomicBoolean();
                    return Paced.map(count, interval, 1, seq -> {
                        try {
                            return sendOne(member, RoomPlan.clientMessageId(member.room(), member.seat(), phase,
                                    seq + 1), phase, stuck);
                        } finally {
                            progress.step();
                        }
                    });
                }));
        int answered = 0;
        for (int i = 0; i < talking.size(); i++) {
            switch (bySender.get(i)) {
                case StepResult.Done<List<StepResult<RoomMember.Answered>>> done -> {
                    for (StepResult<RoomMember.Answered> each : done.value()) {
                        switch (each) {
                            case StepResult.Done<RoomMember.Answered> sent -> {
                                answered++;
                                roundTrip(sent.value().roundTripNanos());
                            }
                            case StepResult.Failed<RoomMember.Answered> failed -> failure(failed.reason());
                        }
                    }
                }
                case StepResult.Failed<List<StepResult<RoomMember.Answered>>> failed -> failure(talking.get(i).name()
                        + " could not send: " + failed.reason());
            }
        }
        return answered;
    }

    synchronized List<Long> roundTrips() {
        return List.copyOf(roundTrips);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private StepResult<RoomMember.Answered> sendOne(RoomMember member, String id, RoomBook.Phase phase,
            AtomicBoolean stuck) {
        if (stuck.get()) {
            return new StepResult.Failed<>(id + " not sent: an earlier send of " + member.name() + " got no answer");
        }
        try {
            return new StepResult.Done<>(member.send(id, phase, timeout));
        } catch (ServerRefusal refused) {
            return new StepResult.Failed<>(Failures.describe(refused));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stuck.set(true);
            return new StepResult.Failed<>(id + " interrupted");
        } catch (Exception noAnswer) {
            stuck.set(true);
            return new StepResult.Failed<>(Failures.describe(noAnswer));
        }
    }

    private synchronized void roundTrip(long nanos) {
        roundTrips.add(nanos);
    }

    private synchronized void failure(String reason) {
        failures.add(reason);
    }
}
