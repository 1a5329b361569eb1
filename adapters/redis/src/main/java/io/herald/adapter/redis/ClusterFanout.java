package io.herald.adapter.redis;

import io.herald.application.port.Audience;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.Reach;

/**
 * The delivery engine of a node among several: a push goes to this node's own devices at once and, encoded once,
 * over Redis to every other node, which writes the same frame to its own devices. No node needs to know where a
 * player is connected (no sticky sessions). What the relay cannot carry while Redis is away stays owed to
 * catch-up, since every AI message is stored before it is pushed.
 */
final class ClusterFanout implements Fanout {
    private final Fanout local;
    private final PushFormat format;
    private final RedisLink link;

    ClusterFanout(Fanout local, PushFormat format, RedisLink link) {
        this.local = local;
        this.format = format;
        this.link = link;
        link.onMessage(message -> {
            if (message instanceof RelayMessage.Frame frame) {
                local.send(frame.audience(), new Push.Relayed(frame.frame(), frame.offset()));
            }
        });
    }

    @Override
    public Reach send(Audience audience, Push push) {
        String frame = format.encode(push);
        long offset = Push.offsetOf(push);
        Reach here = local.send(audience, new Push.Relayed(frame, offset));
        link.publish(new RelayMessage.Frame(link.node(), audience, frame, offset));
        return here;
    }
}
