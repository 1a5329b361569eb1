package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads room history over HTTP the way a client scrolls back: pages newest first, following nextCursor, one room
 * after the other until the page budget is spent, one request at a time so each is timed alone. Every page must
 * continue exactly where the one before stopped, with the text the live copies had, down to offset 1.
 */
final class HistoryProbe {
    static final int PAGE_SIZE = 50;
    private static final int SHOWN = 5;

    /** Who reads each room, where its head is, and what its live copies said. */
    record Reader(ServerUnderTest server, RegisteredPlayer player, RoomBook book, long head) {}

    /** Each page's round trip, the messages read, and what did not join up or failed. */
    record Result(List<Long> pageNanos, int messages, List<String> problems) {
        Result {
            pageNanos = List.copyOf(pageNanos);
            problems = List.copyOf(problems);
        }
    }

    /** Where the next page of one room must start, and what was wrong with the page just read. */
    record Check(long nextNewest, List<String> problems) {}

    private HistoryProbe() {}

    static Result read(List<Reader> readers, int pages) {
        List<Long> pageNanos = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int messages = 0;
        for (Reader reader : readers) {
            Optional<String> cursor = Optional.empty();
            long newest = reader.head();
            while (pageNanos.size() < pages) {
                long start = System.nanoTime();
                Optional<String> before = cursor;
                StepResult<RoomHistoryPage> attempt = StepResult.of(() -> reader.server().roomHistory(reader.player(),
                        reader.book().roomId(), PAGE_SIZE, before));
                pageNanos.add(System.nanoTime() - start);
                if (!(attempt instanceof StepResult.Done<RoomHistoryPage>(RoomHistoryPage page))) {
                    problems.add(reader.book().roomId() + ": " + ((StepResult.Failed<RoomHistoryPage>) attempt).reason());
                    break;
                }
                messages += page.messages().size();
                Check check = check(page, reader.book(), newest);
                problems.addAll(check.problems());
                newest = check.nextNewest();
                cursor = page.nextCursor();
                if (cursor.isEmpty() || !check.problems().isEmpty()) {
                    if (cursor.isEmpty() && newest != 0 && check.problems().isEmpty()) {
                        problems.add(reader.book().roomId() + ": history ends without offsets 1.." + newest);
                    }
                    break;
                }
            }
            if (pageNanos.size() >= pages) {
                break;
            }
        }
        return new Result(pageNanos, messages, problems);
    }

    /**
     * A page newest first must hold {@code newest}, {@code newest − 1}, … of this room, each with the text its live
     * copies had. (A cursor after offset 1 is allowed: the page after it is then empty.)
     */
    static Check check(RoomHistoryPage page, RoomBook book, long newest) {
        List<String> problems = new ArrayList<>();
        long expected = newest;
        for (Frame.RoomMessage message : page.messages()) {
            if (problems.size() >= SHOWN) {
                break;
            }
            if (!book.roomId().equals(message.roomId())) {
                problems.add(book.roomId() + ": history lists a message of room " + message.roomId());
            } else if (message.offset() != expected) {
                problems.add(book.roomId() + ": history has offset " + message.offset() + " where " + expected
                        + " should be");
            } else if (book.textAt(message.offset()) != null && !book.textAt(message.offset()).equals(message.text())) {
                problems.add(book.roomId() + ": history says '" + message.text() + "' at offset " + message.offset()
                        + ", live copies said '" + book.textAt(message.offset()) + "'");
            }
            expected = message.offset() - 1;
        }
        return new Check(expected, problems);
    }
}
