package io.herald.loadtest;

/** Books every frame of a cluster run: ai_messages and deltas in their audits, each delivery under its node. */
final class ClusterArrivals implements ArrivalListener {
    private static final String NODE_COMPLETED = "NODE_COMPLETED";
    private static final String OBJECT_ARRIVED = "OBJECT_ARRIVED";

    private final MessageAudit messages = new MessageAudit();
    private final DeltaAudit deltas = new DeltaAudit();
    private final Troubles troubles = new Troubles();
    private final NodeTally nodes;

    ClusterArrivals(int nodes) {
        this.nodes = new NodeTally(nodes);
    }

    /** The key of one OBJECT_ARRIVED delta as one recipient should see it; '@' keeps it apart from node keys. */
    static String objectDeltaKey(String recipientId, String eventPlayerId, String objectId) {
        return ArrivalRouter.deltaKey(recipientId, eventPlayerId, "@" + objectId);
    }

    @Override
    public void onArrival(Arrival arrival) {
        switch (arrival.frame()) {
            case Frame.AiMessage message -> {
                messages.receiveLive(arrival.receiver().playerId(), arrival.receiver().sessionId(), message,
                        arrival.atNanos());
                nodes.count(arrival.node(), 1, arrival.atNanos());
            }
            case Frame.RuntimeDelta delta -> {
                int booked = 0;
                for (Frame.Delta each : delta.deltas()) {
                    String recipient = arrival.receiver().playerId();
                    String key = switch (String.valueOf(each.type())) {
                        case NODE_COMPLETED -> ArrivalRouter.deltaKey(recipient, each.playerId(), each.nodeId());
                        case OBJECT_ARRIVED -> objectDeltaKey(recipient, each.playerId(), each.objectId());
                        default -> null;
                    };
                    if (key != null) {
                        deltas.receive(arrival.connectionId(), key, arrival.atNanos());
                        booked++;
                    }
                }
                nodes.count(arrival.node(), booked, arrival.atNanos());
            }
            default -> troubles.onOtherFrame(arrival);
        }
    }

    MessageAudit messages() {
        return messages;
    }

    DeltaAudit deltas() {
        return deltas;
    }

    NodeTally nodes() {
        return nodes;
    }

    Troubles troubles() {
        return troubles;
    }
}
