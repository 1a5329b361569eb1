package io.herald.application.port;

import io.herald.domain.ConnectionId;
import io.herald.domain.RoomId;
import java.util.List;

/**
 * Which connections follow a room live. A new subscription holds the room's live pushes back until it is started
 * with what it must see first (a replay), so nothing said meanwhile is missed, sent twice or sent out of order.
 */
public interface RoomSubscriptions {

    /** Subscribes the connection; live pushes for it wait until {@link Subscription#start}. */
    Subscription open(ConnectionId connection, RoomId room);

    /** The connections subscribed to a room, where the sockets live outside the process (API Gateway). */
    List<ConnectionId> subscribers(RoomId room);

    /** Whether the connection was subscribed. */
    boolean close(ConnectionId connection, RoomId room);

    interface Subscription {
        /**
         * Sends {@code first} to the connection in order, then whatever was held back whose offset is after
         * {@code through}, and from then on every live push as it comes, in offset order.
         */
        void start(List<Push> first, long through);
    }
}
