package io.herald.loadtest;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a room run found, once every phase is over: printed for a person, then as the RESULT line, with the
 * verdict. Any lost, duplicated, out-of-order, unexpected or mismatched copy, failed send, error frame, dropped
 * connection, imperfect return or history page that does not join up fails the run.
 */
record RoomReport(ScenarioOptions.Room options, int players, long registerMillis, long roomsMillis,
        long subscribeMillis, boolean complete, List<RoomBook> books, RoomReconciliation copies,
        LatencySummary sendRoundTrip, List<String> sendFailures, List<Recovery> recoveries,
        List<String> liveAgainProblems, HistoryProbe.Result history, Troubles troubles, List<String> dropped,
        PerNode perNode) {
    private static final int SHOWN = 5;

    RoomReport {
        books = List.copyOf(books);
        sendFailures = List.copyOf(sendFailures);
        recoveries = List.copyOf(recoveries);
        liveAgainProblems = List.copyOf(liveAgainProblems);
        dropped = List.copyOf(dropped);
    }

    int exit() {
        boolean clean = complete && copies.clean() && sendFailures.isEmpty() && troubles.errorFrames() == 0
                && troubles.malformedFrames() == 0 && dropped.isEmpty() && recoveryProblems().isEmpty()
                && liveAgainProblems.isEmpty() && history.problems().isEmpty();
        return clean ? LoadTest.CLEAN : LoadTest.FAILURES;
    }

    void print(PrintStream out) {
        out.println(complete ? "every expected copy arrived" : "gave up waiting for copies after "
                + options.timeout().toMillis() + " ms");
        out.printf("sends: %d, answered %d, refused %d, failed %d; send->room_sent %s%n", sends(), answered(),
                refused(), sendFailures.size(), sendRoundTrip.describe());
        sendFailures.stream().limit(SHOWN).forEach(reason -> out.println("  " + reason));
        out.println("room_message: " + copies.describe());
        out.println("  send->each member (live) " + copies.live().describe());
        out.println("  send->last member        " + copies.sendToLast().describe());
        out.println("  live phase: " + copies.liveDelivered() + " copies, " + copies.liveRate() + " deliveries/s");
        books.stream().flatMap(book -> book.examples().stream()).limit(SHOWN)
                .forEach(example -> out.println("  mismatch: " + example));
        if (!recoveries.isEmpty()) {
            out.printf("return: %s came back, %d recovered:true, %d replayed of %d missed, %d problems%n",
                    RoomScenario.count(recoveries.size(), "member"), recovered(), replayed(),
                    recoveries.stream().mapToLong(Recovery::missed).sum(), recoveryProblems().size());
            out.println("  room_subscribe->last replayed " + recovery().describe());
            out.println("  room_subscribe->room_subscribed " + subscribed().describe());
            recoveryProblems().stream().limit(SHOWN).forEach(problem -> out.println("  " + problem));
            out.println(liveAgainProblems.isEmpty()
                    ? "  live again: the next message of each room reached every member who came back, live, once"
                    : "  live again: " + liveAgainProblems.size() + " problems");
            liveAgainProblems.stream().limit(SHOWN).forEach(problem -> out.println("  " + problem));
        }
        if (options.historyPages() > 0) {
            out.printf("history: %s of up to %d, %d messages; page %s%n",
                    RoomScenario.count(history.pageNanos().size(), "page"), HistoryProbe.PAGE_SIZE, history.messages(),
                    historyLatency().describe());
            history.problems().stream().limit(SHOWN).forEach(problem -> out.println("  " + problem));
        }
        perNode.print(out);
        out.printf("failures: sends %d, error frames %d, malformed frames %d, dropped connections %d, return"
                + " problems %d, history problems %d%n", sendFailures.size(), troubles.errorFrames(),
                troubles.malformedFrames(), dropped.size(), recoveryProblems().size() + liveAgainProblems.size(),
                history.problems().size());
        troubles.examples().forEach(example -> out.println("  " + example));
        dropped.stream().limit(SHOWN).forEach(reason -> out.println("  dropped " + reason));
        out.println(resultLine());
    }

    ResultLine resultLine() {
        return perNode.addTo(new ResultLine("room").put("rooms", options.rooms()).put("members", options.members())
                .put("senders", options.senders()).put("messages", options.messages())
                .put("interval_ms", options.interval().toMillis()).put("reconnect", options.reconnect())
                .put("missed", options.missed()).put("players", players)
                .put("register_ms", registerMillis).put("rooms_ms", roomsMillis).put("subscribe_ms", subscribeMillis)
                .put("sends", sends()).put("sends_answered", answered()).put("sends_refused", refused())
                .put("send_failures", sendFailures.size()).put("sent", sendRoundTrip)
                .put("room_expected", copies.expected()).put("room_delivered", copies.delivered())
                .put("room_replayed", copies.replayed()).put("room_lost", copies.lost())
                .put("room_duplicated", copies.duplicated()).put("room_out_of_order", copies.outOfOrder())
                .put("room_gaps", copies.gaps()).put("room_unexpected", copies.unexpected())
                .put("room_mismatched", copies.mismatched())
                .put("room", copies.live()).put("send_to_last", copies.sendToLast())
                .put("deliveries_per_s", copies.liveRate())
                .put("reconnecting", recoveries.size()).put("recovered", recovered()).put("replayed", replayed())
                .put("recovery_failures", recoveryProblems().size() + liveAgainProblems.size())
                .put("recovery", recovery()).put("subscribed", subscribed())
                .put("history_pages", history.pageNanos().size()).put("history_messages", history.messages())
                .put("history_failures", history.problems().size()).put("history", historyLatency())
                .put("error_frames", troubles.errorFrames()).put("malformed_frames", troubles.malformedFrames())
                .put("dropped", dropped.size())).put("exit", exit());
    }

    private long sends() {
        return books.stream().mapToLong(book -> book.sends().size()).sum();
    }

    private long answered() {
        return books.stream().flatMap(book -> book.sends().stream())
                .filter(send -> !send.refused() && send.offset().isPresent()).count();
    }

    private long refused() {
        return books.stream().flatMap(book -> book.sends().stream()).filter(RoomBook.Send::refused).count();
    }

    private long recovered() {
        return recoveries.stream().filter(Recovery::recovered).count();
    }

    /** Replayed copies the returning members received, whatever the server claimed. */
    private long replayed() {
        return recoveries.stream().mapToLong(recovery -> recovery.replayOffsets().size()).sum();
    }

    private List<String> recoveryProblems() {
        return recoveries.stream().flatMap(recovery -> recovery.problems().stream()).toList();
    }

    private LatencySummary recovery() {
        return summarize(recoveries.stream().map(Recovery::toLastReplayedNanos).toList());
    }

    private LatencySummary subscribed() {
        return summarize(recoveries.stream().map(Recovery::toSubscribedNanos).toList());
    }

    private LatencySummary historyLatency() {
        return Latencies.summarize(history.pageNanos());
    }

    private static LatencySummary summarize(List<OptionalLong> spans) {
        return Latencies.summarize(spans.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .toArray());
    }
}
