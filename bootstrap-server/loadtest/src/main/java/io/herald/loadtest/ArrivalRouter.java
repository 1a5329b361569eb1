package io.herald.loadtest;

import java.util.List;

/** Books every received frame in the ledger it belongs to and counts the frames that signal trouble. */
final class ArrivalRouter implements ArrivalListener {
    private static final String NODE_COMPLETED = "NODE_COMPLETED";

    private final DeliveryLedger aiMessages = new DeliveryLedger();
    private final DeliveryLedger deltas = new DeliveryLedger();
    private final Troubles troubles = new Troubles();
    private final NodeTally nodes;

    ArrivalRouter() {
        this(1);
    }

    /** {@code nodes}: how many server nodes the run drives, to count deliveries per node. */
    ArrivalRouter(int nodes) {
        this.nodes = new NodeTally(nodes);
    }

    /** The key of one NODE_COMPLETED delta as one recipient should see it. */
    static String deltaKey(String recipientId, String eventPlayerId, String nodeId) {
        return recipientId + "|" + eventPlayerId + "|" + nodeId;
    }

    @Override
    public void onArrival(Arrival arrival) {
        switch (arrival.frame()) {
            case Frame.AiMessage message -> {
                aiMessages.receive(arrival.connectionId(), message.sk(), arrival.atNanos());
                nodes.count(arrival.node(), 1, arrival.atNanos());
            }
            case Frame.RuntimeDelta delta -> {
                int booked = 0;
                for (Frame.Delta each : delta.deltas()) {
                    if (NODE_COMPLETED.equals(each.type())) {
                        deltas.receive(arrival.connectionId(),
                                deltaKey(arrival.receiver().playerId(), each.playerId(), each.nodeId()),
                                arrival.atNanos());
                        booked++;
                    }
                }
                nodes.count(arrival.node(), booked, arrival.atNanos());
            }
            default -> troubles.onOtherFrame(arrival);
        }
    }

    DeliveryLedger aiMessages() {
        return aiMessages;
    }

    DeliveryLedger deltas() {
        return deltas;
    }

    NodeTally nodes() {
        return nodes;
    }

    int errorFrames() {
        return troubles.errorFrames();
    }

    int malformedFrames() {
        return troubles.malformedFrames();
    }

    int pongs() {
        return troubles.pongs();
    }

    /** The first few error or malformed frames, verbatim enough to debug the server with. */
    List<String> examples() {
        return troubles.examples();
    }
}
