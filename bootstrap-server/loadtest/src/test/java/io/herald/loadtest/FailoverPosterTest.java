package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Against two real fake nodes, so that "no answer" is a real connection refused. */
class FailoverPosterTest {
    private static final FakeHeraldNode.NodeFault FINE = FakeHeraldNode.NodeFault.NONE;

    private static Nodes nodesOf(FakeCluster cluster) {
        return new Nodes(List.of(URI.create(cluster.node(0).url()), URI.create(cluster.node(1).url())),
                ServerUnderTest.newClient(), Clock.systemUTC());
    }

    @Test
    void an_event_that_gets_no_answer_from_the_node_that_died_is_sent_once_more_to_a_survivor() throws Exception {
        try (FakeCluster cluster = new FakeCluster(100, FINE, FINE)) {
            Nodes nodes = nodesOf(cluster);
            RegisteredPlayer ana = nodes.get(0).register("ana", "team", null);
            Outage outage = new Outage(nodes, Optional.empty());
            FailoverPoster poster = new FailoverPoster(nodes, outage);
            outage.begin();
            cluster.node(1).kill();

            FailoverPoster.Posted posted = poster.post(1, server -> server.postNodeComplete(ana, "n1"));

            assertThat(posted).isInstanceOfSatisfying(FailoverPoster.Posted.Accepted.class, accepted -> {
                assertThat(accepted.postedTo()).isEqualTo(Set.of(1, 0));
                assertThat(accepted.retried()).isTrue();
            });
            assertThat(poster.retried()).isEqualTo(1);
            assertThat(cluster.node(0).eventsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void once_the_node_is_known_dead_its_events_go_straight_to_the_next_survivor() throws Exception {
        try (FakeCluster cluster = new FakeCluster(100, FINE, FINE)) {
            Nodes nodes = nodesOf(cluster);
            RegisteredPlayer ana = nodes.get(0).register("ana", "team", null);
            Outage outage = new Outage(nodes, Optional.empty());
            FailoverPoster poster = new FailoverPoster(nodes, outage);
            outage.begin();
            cluster.node(1).kill();
            outage.confirm(1);

            FailoverPoster.Posted posted = poster.post(1, server -> server.postNodeComplete(ana, "n1"));

            assertThat(posted).isInstanceOfSatisfying(FailoverPoster.Posted.Accepted.class,
                    accepted -> assertThat(accepted.postedTo()).isEqualTo(Set.of(0)));
            assertThat(poster.rerouted()).isEqualTo(1);
            assertThat(poster.retried()).isZero();
        }
    }

    @Test
    void a_refusal_proves_the_node_alive_and_is_never_retried_elsewhere() throws Exception {
        try (FakeCluster cluster = new FakeCluster(100, FINE, FINE)) {
            Nodes nodes = nodesOf(cluster);
            RegisteredPlayer ana = nodes.get(0).register("ana", "team", null);
            RegisteredPlayer impostor = new RegisteredPlayer(ana.teamCode(), ana.sessionId(), ana.playerId(), "x",
                    ana.websocketUrl(), "not-a-token");
            Outage outage = new Outage(nodes, Optional.empty());
            FailoverPoster poster = new FailoverPoster(nodes, outage);
            outage.begin();

            FailoverPoster.Posted posted = poster.post(1, server -> server.postNodeComplete(impostor, "n1"));

            assertThat(posted).isInstanceOfSatisfying(FailoverPoster.Posted.Failed.class,
                    failed -> assertThat(failed.reason()).contains("node1", "401"));
            assertThat(poster.retried()).isZero();
            assertThat(outage.dead()).isEmpty();
        }
    }

    @Test
    void before_any_kill_a_node_that_does_not_answer_is_a_plain_failure() throws Exception {
        try (FakeCluster cluster = new FakeCluster(100, FINE, FINE)) {
            Nodes nodes = nodesOf(cluster);
            RegisteredPlayer ana = nodes.get(0).register("ana", "team", null);
            FailoverPoster poster = new FailoverPoster(nodes, new Outage(nodes, Optional.empty()));
            cluster.node(1).kill();

            FailoverPoster.Posted posted = poster.post(1, server -> server.postNodeComplete(ana, "n1"));

            assertThat(posted).isInstanceOf(FailoverPoster.Posted.Failed.class);
            assertThat(poster.retried()).isZero();
        }
    }
}
