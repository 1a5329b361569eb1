package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Against real fake nodes: a node is dead when its /health stops answering, and only once the kill has begun. */
class OutageTest {
    private static Nodes nodesOf(FakeCluster cluster) {
        return new Nodes(List.of(URI.create(cluster.node(0).url()), URI.create(cluster.node(1).url()),
                URI.create(cluster.node(2).url())), ServerUnderTest.newClient(), Clock.systemUTC());
    }

    private static FakeCluster threeNodes() throws Exception {
        FakeHeraldNode.NodeFault fine = FakeHeraldNode.NodeFault.NONE;
        return new FakeCluster(100, fine, fine, fine);
    }

    @Test
    void before_the_kill_begins_a_node_that_stopped_answering_is_not_declared_dead() throws Exception {
        try (FakeCluster cluster = threeNodes()) {
            Outage outage = new Outage(nodesOf(cluster), Optional.empty());
            cluster.node(1).kill();

            assertThat(outage.confirm(1)).isFalse();
            assertThat(outage.dead()).isEmpty();
        }
    }

    @Test
    void once_the_kill_has_begun_the_node_that_stopped_answering_is_dead_and_listeners_hear_it_once()
            throws Exception {
        try (FakeCluster cluster = threeNodes()) {
            Outage outage = new Outage(nodesOf(cluster), Optional.empty());
            List<Integer> heard = new ArrayList<>();
            outage.onDeath(heard::add);
            outage.begin();

            assertThat(outage.confirm(0)).as("node0 still answers").isFalse();
            cluster.node(1).kill();
            assertThat(outage.confirm(1)).isTrue();
            assertThat(outage.confirm(1)).isTrue();

            assertThat(outage.dead()).contains(1);
            assertThat(outage.deadNodes()).containsExactly(1);
            assertThat(heard).containsExactly(1);
        }
    }

    @Test
    void with_a_named_victim_no_other_node_can_be_declared_dead_and_one_death_is_all_there_is() throws Exception {
        try (FakeCluster cluster = threeNodes()) {
            Outage outage = new Outage(nodesOf(cluster), Optional.of(2));
            outage.begin();
            cluster.node(0).kill();
            cluster.node(2).kill();

            assertThat(outage.confirm(0)).as("not the named node").isFalse();
            assertThat(outage.confirm(2)).isTrue();
        }
    }

    @Test
    void watching_finds_the_dead_node_without_anybody_asking() throws Exception {
        try (FakeCluster cluster = threeNodes()) {
            Outage outage = new Outage(nodesOf(cluster), Optional.empty());
            outage.begin();
            cluster.node(2).kill();

            outage.watch(() -> false);

            assertThat(outage.dead()).contains(2);
        }
    }

    @Test
    void the_next_survivor_skips_the_dead_node_and_wraps_around() throws Exception {
        try (FakeCluster cluster = threeNodes()) {
            Outage outage = new Outage(nodesOf(cluster), Optional.empty());
            outage.begin();
            cluster.node(0).kill();
            outage.confirm(0);

            assertThat(outage.survivorAfter(0)).isEqualTo(1);
            assertThat(outage.survivorAfter(2)).as("wraps past the dead node0").isEqualTo(1);
            assertThat(outage.survivorAfter(1)).isEqualTo(2);
        }
    }
}
