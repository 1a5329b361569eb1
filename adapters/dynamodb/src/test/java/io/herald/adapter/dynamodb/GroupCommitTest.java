package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How concurrent callers' transactions are combined and, when the combination is cancelled, told apart again. */
class GroupCommitTest {
    private final List<List<TransactWriteItem>> sent = new CopyOnWriteArrayList<>();
    private GroupCommit commit;

    @AfterEach
    void close() {
        if (commit != null) {
            commit.close();
        }
    }

    private static TransactWriteItem put(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName("t").item(Map.of(
                TableLayout.PK, AttributeValue.fromS(pk), TableLayout.SK, AttributeValue.fromS("x")))).build();
    }

    private static Transaction.Request request(String... pks) {
        return new Transaction.Request(java.util.Arrays.stream(pks).map(GroupCommitTest::put).toList());
    }

    private static CancellationReason reason(String code) {
        return CancellationReason.builder().code(code).build();
    }

    private static TransactionCanceledException cancelled(List<CancellationReason> reasons) {
        return TransactionCanceledException.builder().message("cancelled").cancellationReasons(reasons).build();
    }

    private static List<String> pks(List<TransactWriteItem> items) {
        return items.stream().map(i -> i.put().item().get(TableLayout.PK).s()).toList();
    }

    private CompletableFuture<Transaction.Outcome> inBackground(Transaction.Request request) {
        return CompletableFuture.supplyAsync(() -> commit.commit(request), r -> Thread.ofVirtual().start(r));
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commit.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.waiting()).isEqualTo(count);
    }

    /** The first write waits for the test's signal, so requests pile up behind it. */
    private Function<List<TransactWriteItem>, Void> firstWriteHeld(CountDownLatch release,
            Function<List<TransactWriteItem>, Void> then) {
        return items -> {
            boolean first = sent.isEmpty();
            sent.add(items);
            if (first) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }
            return then.apply(items);
        };
    }

    @Test
    void requests_arriving_while_a_transaction_is_in_flight_go_together_in_the_next_one() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit(firstWriteHeld(release, items -> null), 100, 1);
        CompletableFuture<Transaction.Outcome> first = inBackground(request("a1", "a2"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        List<CompletableFuture<Transaction.Outcome>> later = IntStream.range(0, 3)
                .mapToObj(i -> inBackground(request("b" + i, "c" + i))).toList();
        awaitWaiting(3);

        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        for (CompletableFuture<Transaction.Outcome> outcome : later) {
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        }
        assertThat(sent).hasSize(2);
        assertThat(pks(sent.get(1))).containsExactlyInAnyOrder("b0", "c0", "b1", "c1", "b2", "c2");
    }

    @Test
    void a_caller_whose_condition_failed_gets_its_own_reasons_and_the_innocent_are_written_again_without_it()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit(firstWriteHeld(release, items -> {
            if (items.size() == 4) {
                throw cancelled(List.of(reason("None"), reason("None"), reason("ConditionalCheckFailed"), reason("None")));
            }
            return null;
        }), 100, 1);
        CompletableFuture<Transaction.Outcome> blocker = inBackground(request("x"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        CompletableFuture<Transaction.Outcome> innocent = inBackground(request("a1", "a2"));
        awaitWaiting(1);
        CompletableFuture<Transaction.Outcome> guilty = inBackground(request("b1", "b2"));
        awaitWaiting(2);

        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        assertThat(innocent.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        Transaction.Refused refused = (Transaction.Refused) guilty.get(5, TimeUnit.SECONDS);
        assertThat(refused.failed(0)).isTrue();
        assertThat(refused.failed(1)).isFalse();
        assertThat(sent).extracting(GroupCommitTest::pks)
                .containsExactly(List.of("x"), List.of("a1", "a2", "b1", "b2"), List.of("a1", "a2"));
    }

    @Test
    void two_callers_writing_the_same_item_are_never_in_one_transaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit(firstWriteHeld(release, items -> null), 100, 1);
        CompletableFuture<Transaction.Outcome> blocker = inBackground(request("x"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        CompletableFuture<Transaction.Outcome> one = inBackground(request("same", "a"));
        awaitWaiting(1);
        CompletableFuture<Transaction.Outcome> other = inBackground(request("same", "b"));
        awaitWaiting(2);
        CompletableFuture<Transaction.Outcome> third = inBackground(request("c"));
        awaitWaiting(3);

        release.countDown();

        for (CompletableFuture<Transaction.Outcome> outcome : List.of(blocker, one, other, third)) {
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        }
        assertThat(sent).extracting(GroupCommitTest::pks)
                .containsExactly(List.of("x"), List.of("same", "a", "c"), List.of("same", "b"));
    }

    @Test
    void a_combination_never_goes_over_the_item_limit_and_no_caller_is_split() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit(firstWriteHeld(release, items -> null), 5, 1);
        CompletableFuture<Transaction.Outcome> blocker = inBackground(request("x"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        List<CompletableFuture<Transaction.Outcome>> threeEach = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threeEach.add(inBackground(request("p" + i + "a", "p" + i + "b", "p" + i + "c")));
            awaitWaiting(i + 1);
        }

        release.countDown();

        for (CompletableFuture<Transaction.Outcome> outcome : threeEach) {
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        }
        assertThat(blocker.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        assertThat(sent.subList(1, sent.size())).allSatisfy(items -> assertThat(items).hasSize(3));
        assertThatThrownBy(() -> commit.commit(request("1", "2", "3", "4", "5", "6")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_failure_that_is_not_a_cancellation_reaches_every_caller_of_that_transaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException down = new IllegalStateException("store down");
        commit = new GroupCommit(firstWriteHeld(release, items -> {
            throw down;
        }), 100, 1);
        CompletableFuture<Transaction.Outcome> blocker = inBackground(request("x"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        CompletableFuture<Transaction.Outcome> one = inBackground(request("a"));
        CompletableFuture<Transaction.Outcome> other = inBackground(request("b"));
        awaitWaiting(2);

        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        for (CompletableFuture<Transaction.Outcome> outcome : List.of(one, other)) {
            assertThatThrownBy(() -> outcome.get(5, TimeUnit.SECONDS)).hasRootCause(down);
        }
    }

    @Test
    void reasons_that_do_not_line_up_with_the_items_send_each_caller_again_alone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit(firstWriteHeld(release, items -> {
            if (items.size() > 1) {
                throw cancelled(List.of(reason("ConditionalCheckFailed")));
            }
            if (pks(items).equals(List.of("b"))) {
                throw cancelled(List.of(reason("ConditionalCheckFailed")));
            }
            return null;
        }), 100, 1);
        CompletableFuture<Transaction.Outcome> blocker = inBackground(request("x"));
        while (sent.isEmpty()) {
            Thread.sleep(5);
        }
        CompletableFuture<Transaction.Outcome> fine = inBackground(request("a"));
        CompletableFuture<Transaction.Outcome> refused = inBackground(request("b"));
        awaitWaiting(2);

        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        assertThat(fine.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Committed.class);
        assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(Transaction.Refused.class);
    }

    @Test
    void only_a_write_holding_a_durable_request_waits_for_the_stores_confirmation() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        commit = new GroupCommit(items -> {
            calls.add("write " + pks(items));
            return null;
        }, () -> calls.add("confirm"), 100, 1);

        commit.commit(new Transaction.Request(List.of(put("release")), false));
        commit.commit(new Transaction.Request(List.of(put("hold")), true));

        assertThat(calls).containsExactly("write [release]", "write [hold]", "confirm");
    }

    @Test
    void an_error_thrown_by_a_write_reaches_its_callers_and_the_committer_goes_on() throws Exception {
        AssertionError broken = new AssertionError("a library bug, not a store failure");
        commit = new GroupCommit(items -> {
            if (pks(items).contains("doomed")) {
                throw broken;
            }
            return null;
        }, 100, 1);

        CompletableFuture<Transaction.Outcome> doomed = inBackground(request("doomed"));

        assertThatThrownBy(() -> doomed.get(5, TimeUnit.SECONDS)).as("the caller hears of it instead of waiting forever")
                .hasRootCause(broken);
        assertThat(inBackground(request("next")).get(5, TimeUnit.SECONDS)).as("the only committer still runs")
                .isInstanceOf(Transaction.Committed.class);
    }
}
