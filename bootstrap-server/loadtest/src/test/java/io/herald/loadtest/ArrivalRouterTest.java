package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalRouterTest {
    private final ArrivalRouter router = new ArrivalRouter();
    private final RegisteredPlayer ben = new RegisteredPlayer("ABC234", "s1", "ben", "Ben", "ws://h/ws", "t");

    @Test
    void a_node_completed_delta_is_booked_for_its_recipient_event_player_and_node() {
        router.deltas().expect(ArrivalRouter.deltaKey("ben", "ana", "node-1"), 0);

        router.onArrival(new Arrival(1, 0, ben, new Frame.RuntimeDelta("s1", List.of(
                new Frame.Delta("NODE_COMPLETED", "ana", "node-1", null),
                new Frame.Delta("OBJECT_ARRIVED", "ana", null, "o1"))), 5));

        assertThat(router.deltas().reconcile().clean()).isTrue();
    }

    @Test
    void a_delta_naming_the_wrong_event_player_is_unexpected_and_leaves_the_right_one_lost() {
        router.deltas().expect(ArrivalRouter.deltaKey("ben", "ana", "node-1"), 0);

        router.onArrival(new Arrival(1, 0, ben, new Frame.RuntimeDelta("s1", List.of(
                new Frame.Delta("NODE_COMPLETED", "cal", "node-1", null))), 5));

        Reconciliation result = router.deltas().reconcile();
        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.unexpected()).isEqualTo(1);
    }

    @Test
    void ai_messages_are_booked_by_sk_and_error_and_malformed_frames_are_counted_with_examples() {
        router.onArrival(new Arrival(1, 0, ben, new Frame.AiMessage("s1", "m", "individual", "ai-msg#ben#e"), 5));
        router.onArrival(new Arrival(1, 0, ben, new Frame.ServerError("BAD_ACK", "no such message", null), 6));
        router.onArrival(new Arrival(1, 0, ben, new Frame.Malformed("not JSON", "oops"), 7));
        router.onArrival(new Arrival(1, 0, ben, new Frame.Pong(), 8));

        assertThat(router.aiMessages().firstArrival("ai-msg#ben#e")).hasValue(5);
        assertThat(router.errorFrames()).isEqualTo(1);
        assertThat(router.malformedFrames()).isEqualTo(1);
        assertThat(router.pongs()).isEqualTo(1);
        assertThat(router.examples()).hasSize(2).first().asString().contains("BAD_ACK");
    }

    @Test
    void deliveries_are_counted_under_the_node_whose_socket_carried_them() {
        ArrivalRouter twoNodes = new ArrivalRouter(2);

        twoNodes.onArrival(new Arrival(1, 1, ben, new Frame.AiMessage("s1", "m", "individual", "ai-msg#ben#e"), 5));
        twoNodes.onArrival(new Arrival(1, 1, ben, new Frame.RuntimeDelta("s1", List.of(
                new Frame.Delta("NODE_COMPLETED", "ana", "node-1", null),
                new Frame.Delta("NODE_COMPLETED", "ana", "node-2", null))), 9));
        twoNodes.onArrival(new Arrival(2, 0, ben, new Frame.Pong(), 11));

        assertThat(twoNodes.nodes().deliveries(0)).isZero();
        assertThat(twoNodes.nodes().deliveries(1)).isEqualTo(3);
        assertThat(twoNodes.nodes().lastArrival(1)).hasValue(9);
        assertThat(twoNodes.nodes().rate(1, 0)).isEqualTo(ResultLine.rate(3, 9));
        assertThat(twoNodes.nodes().rate(0, 0)).isEqualTo("n/a");
    }
}
