package io.herald.adapter.dynamodb;

import io.herald.application.port.PageCursor;
import io.herald.application.port.RoomStore;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.Member;
import io.herald.domain.MessageId;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures issues 11 and 12 ask for, on DynamoDB Local: a history page of 50 in a room of 10,000 messages
 * (newest, and deep in the past through cursors), a replay of 1,000 missed messages, and a list of 50 among 10,000
 * notifications with the unread count, and the admin list of 10,000 connections. A measurement, not a test: it asserts nothing and runs only with
 * {@code -Dherald.benchmark=true} (see the README).
 */
@EnabledIfSystemProperty(named = "herald.benchmark", matches = "true")
class RoomAndNotificationBenchmark {
    private static final int SIZE = 10_000;
    private static final int SAMPLES = 200;

    @Test
    void measure() {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
            DynamoDbTable table = dynamo.table(dynamo.client(), "bench-rooms");
            Instant now = Instant.now();
            DynamoDbRoomStore rooms = new DynamoDbRoomStore(table, Instant::now, Duration.ofDays(30));
            RoomId room = new RoomId("bench-" + UUID.randomUUID());
            Member sender = new Member(new SessionId("s-bench"), new PlayerId("p-bench"));
            rooms.create(new Room(room, "Bench", 0, 1, 0, now), Optional.of(sender));
            long filling = System.nanoTime();
            for (int i = 0; i < SIZE; i++) {
                rooms.append(new RoomStore.NewRoomMessage(room, sender, RoomText.from("message number " + i).text()
                        .orElseThrow(), Optional.empty(), new MessageId("m" + i), now));
            }
            System.out.printf("BENCH filled a room with %,d messages in %.1f s%n", SIZE, (System.nanoTime() - filling) / 1e9);

            report("history: newest page of 50 (room of 10,000)", sample(() ->
                    rooms.history(room, new RoomStore.HistoryQuery(Optional.empty(), Optional.empty(), 50))));
            Optional<PageCursor> back = Optional.empty();
            for (int page = 0; page < 50; page++) {
                back = rooms.history(room, new RoomStore.HistoryQuery(back, Optional.empty(), 100)).next();
            }
            PageCursor deep = back.orElseThrow();
            report("history: page of 50 before a cursor 5,000 back", sample(() ->
                    rooms.history(room, new RoomStore.HistoryQuery(Optional.of(deep), Optional.empty(), 50))));
            report("replay of 1,000 missed messages (since offset 9,000)", sample(20, () ->
                    rooms.since(room, new RoomPosition(SIZE - 1_000, 1), 5_000)));

            DynamoDbNotificationStore notifications = new DynamoDbNotificationStore(table, Instant::now,
                    Duration.ofDays(30));
            Member player = new Member(new SessionId("s-bench"), new PlayerId("p-notified"));
            long writing = System.nanoTime();
            for (int i = 0; i < SIZE; i++) {
                Instant at = now.plusMillis(i);
                notifications.save(new Notification(new NotificationId("n" + String.format("%013d", at.toEpochMilli())
                        + "-" + i), player, "BENCH", "Title " + i, "Message " + i, i % 10 == 0 ? Priority.HIGH
                        : Priority.NORMAL, "{}", Optional.empty(), at, Optional.empty(), Optional.empty()),
                        Optional.empty());
                if (i % 2 == 0) {
                    notifications.markRead(player, new NotificationId("n" + String.format("%013d", at.toEpochMilli())
                            + "-" + i), at);
                }
            }
            System.out.printf("BENCH wrote %,d notifications (half read) in %.1f s%n", SIZE,
                    (System.nanoTime() - writing) / 1e9);
            report("notifications: newest 50 of 10,000 (all)", sample(() ->
                    notifications.page(player, false, Optional.empty(), 50)));
            report("notifications: newest 50 unread (5,000 unread)", sample(() ->
                    notifications.page(player, true, Optional.empty(), 50)));
            report("notifications: unread count (5,000 unread)", sample(20, () -> notifications.unreadCount(player)));
            report("notifications: a list as GET /api/notifications answers it (page + count)", sample(20, () -> {
                notifications.page(player, false, Optional.empty(), 50);
                return notifications.unreadCount(player);
            }));

            DynamoDbConnectionLog log = new DynamoDbConnectionLog(table);
            long opening = System.nanoTime();
            for (int i = 0; i < SIZE; i++) {
                log.opened(ConnectionRecord.opened(new ConnectionId("c-" + i), new Member(new SessionId("s-" + i % 100),
                        new PlayerId("p-" + i)), now, "203.0.113." + i % 250, "bench/1.0"));
            }
            System.out.printf("BENCH opened %,d connection records in %.1f s%n", SIZE, (System.nanoTime() - opening) / 1e9);
            report("admin: first page of 100 connections (10,000 recorded)", sample(20, () ->
                    log.all(Optional.empty(), 100)));
            report("admin: all 10,000 connections, pages of 1,000", sample(5, () -> {
                int seen = 0;
                Optional<PageCursor> cursor = Optional.empty();
                do {
                    var page = log.all(cursor, 1_000);
                    seen += page.records().size();
                    cursor = page.next();
                } while (cursor.isPresent());
                return seen;
            }));
            report("admin: one session's 100 connections", sample(20, () -> log.ofSession(new SessionId("s-7"))));
            table.close();
        }
    }

    private static long[] sample(java.util.function.Supplier<?> work) {
        return sample(SAMPLES, work);
    }

    private static long[] sample(int count, java.util.function.Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf("BENCH %-70s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms   (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
