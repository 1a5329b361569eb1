package io.herald.loadtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reconciles what was sent to each room with what each of its members received. Every send the server did not
 * refuse is owed once to every member of its room: live, or by replay to a member who was away when it was sent.
 */
final class RoomAudit {
    private RoomAudit() {}

    /** {@code members.get(r)}: the logs of room r's members; {@code books.get(r)}: what was sent to room r. */
    static RoomReconciliation reconcile(List<RoomBook> books, List<List<MemberLog>> members) {
        long expected = 0;
        long delivered = 0;
        long replayed = 0;
        long lost = 0;
        long liveDelivered = 0;
        long firstLiveSent = Long.MAX_VALUE;
        long lastLiveArrival = Long.MIN_VALUE;
        List<Long> live = new ArrayList<>();
        List<Long> sendToLast = new ArrayList<>();
        for (int room = 0; room < books.size(); room++) {
            RoomBook book = books.get(room);
            List<MemberLog> logs = members.get(room);
            for (RoomBook.Send send : book.sends()) {
                if (send.refused()) {
                    continue;
                }
                expected += logs.size();
                OptionalLong offset = book.offsetOf(send);
                if (offset.isEmpty()) {
                    lost += logs.size();
                    continue;
                }
                boolean everyoneLive = true;
                long last = Long.MIN_VALUE;
                for (MemberLog log : logs) {
                    OptionalLong at = log.arrival(offset.getAsLong());
                    if (at.isEmpty()) {
                        lost++;
                        everyoneLive = false;
                        continue;
                    }
                    delivered++;
                    if (log.replayed(offset.getAsLong())) {
                        replayed++;
                        everyoneLive = false;
                        continue;
                    }
                    live.add(at.getAsLong() - send.sentNanos());
                    last = Math.max(last, at.getAsLong());
                    if (send.phase() == RoomBook.Phase.LIVE) {
                        liveDelivered++;
                        lastLiveArrival = Math.max(lastLiveArrival, at.getAsLong());
                    }
                }
                if (send.phase() == RoomBook.Phase.LIVE) {
                    firstLiveSent = Math.min(firstLiveSent, send.sentNanos());
                }
                if (everyoneLive && !logs.isEmpty()) {
                    sendToLast.add(last - send.sentNanos());
                }
            }
        }
        long duplicated = 0;
        long outOfOrder = 0;
        long gaps = 0;
        long unexpected = 0;
        long mismatched = 0;
        for (int room = 0; room < books.size(); room++) {
            RoomBook book = books.get(room);
            Set<String> owed = new HashSet<>();
            book.sends().stream().filter(send -> !send.refused()).forEach(send -> owed.add(send.clientMessageId()));
            long[] strangers = {0};
            for (MemberLog log : members.get(room)) {
                duplicated += log.duplicated();
                outOfOrder += log.outOfOrder();
                gaps += log.gaps();
                unexpected += log.strays();
                log.forEachReceived(offset -> {
                    if (!owed.contains(book.textAt(offset))) {
                        strangers[0]++;
                    }
                });
            }
            unexpected += strangers[0];
            mismatched += book.mismatches();
        }
        return new RoomReconciliation(expected, delivered, replayed, lost, duplicated, outOfOrder, gaps, unexpected,
                mismatched, Latencies.summarize(live), Latencies.summarize(sendToLast), liveDelivered,
                firstLiveSent == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(firstLiveSent),
                lastLiveArrival == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastLiveArrival));
    }

    /**
     * Copies still owed to {@code members} (those listening now) for the sends answered so far: what a wait polls
     * until it is zero.
     */
    static long outstanding(List<RoomBook> books, List<List<MemberLog>> members) {
        long missing = 0;
        for (int room = 0; room < books.size(); room++) {
            long[] offsets = books.get(room).answeredOffsets();
            for (MemberLog log : members.get(room)) {
                missing += log.missing(offsets);
            }
        }
        return missing;
    }
}
