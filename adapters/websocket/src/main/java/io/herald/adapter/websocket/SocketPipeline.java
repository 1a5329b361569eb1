package io.herald.adapter.websocket;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import jakarta.inject.Singleton;

/**
 * Fits every connection's Netty pipeline for WebSocket before its first request: the guards sit just in front of
 * where Micronaut puts its WebSocket handler on upgrade, so they see every frame in and out, and permessage-deflate
 * (which Micronaut 4.10 always accepts; it has no setting for it) is switched off. Deflate would let a 64 KiB frame
 * inflate to 64 MB, would keep zlib state for every connection (about 300 KiB by zlib's own sizing, with context
 * takeover) and would compress each push once per socket rather than once; Herald's frames are small JSON, so they go
 * uncompressed. A client offering it is answered without it, as RFC 7692 allows.
 */
@Singleton
final class SocketPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String CLOSE_HANDSHAKE = "herald-close-handshake";
    static final String SEND_QUEUE_LIMIT = "herald-send-queue-limit";
    static final String INBOUND_LIMITS = "herald-inbound-limits";

    private final SocketLimits limits;

    SocketPipeline(SocketLimits limits) {
        this.limits = limits;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        private Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.LISTENER ? this : new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            WebSocketServerExtensionHandler extensions = pipeline.get(WebSocketServerExtensionHandler.class);
            if (extensions != null) {
                pipeline.remove(extensions);
            }
            String inbound = ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND;
            if (pipeline.get(inbound) != null && pipeline.get(CLOSE_HANDSHAKE) == null) {
                pipeline.addBefore(inbound, CLOSE_HANDSHAKE, new CloseHandshake(limits.closeGrace()));
                pipeline.addBefore(inbound, SEND_QUEUE_LIMIT, new SendQueueLimit(limits.maxQueuedBytes()));
                pipeline.addBefore(inbound, INBOUND_LIMITS, new InboundLimits(SocketLimits.MAX_MESSAGE_BYTES));
            }
        }
    }
}
