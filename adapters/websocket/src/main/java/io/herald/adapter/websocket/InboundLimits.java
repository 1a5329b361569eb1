package io.herald.adapter.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client may send, checked before Micronaut sees a frame. Netty's decoder bounds each frame
 * ({@link SocketLimits#MAX_MESSAGE_BYTES}, 1009) but Micronaut joins a message's fragments without any bound, so the
 * joined size is counted here and a message past it closes the connection with 1009 before it is held whole.
 * No extension is ever negotiated (see {@link SocketPipeline}), yet the decoder Micronaut sets up lets extension bits
 * through, so a frame carrying them, such as a deflated one, is refused with 1002 instead of being read as text.
 */
final class InboundLimits extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundLimits.class);
    static final String TOO_BIG_REASON = "message_too_big";
    static final String EXTENSION_REASON = "no_extension_negotiated";

    private final int maxMessageBytes;
    private long messageBytes;
    private boolean refusing;

    InboundLimits(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (frame.rsv() != 0) {
            refuse(ctx, frame, WebSocketCloseStatus.PROTOCOL_ERROR, EXTENSION_REASON);
            return;
        }
        boolean startsMessage = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
        if (startsMessage || frame instanceof ContinuationWebSocketFrame) {
            messageBytes = (startsMessage ? 0 : messageBytes) + frame.content().readableBytes();
            if (messageBytes > maxMessageBytes) {
                refuse(ctx, frame, WebSocketCloseStatus.MESSAGE_TOO_BIG, TOO_BIG_REASON);
                return;
            }
            if (frame.isFinalFragment()) {
                messageBytes = 0;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Micronaut has the earlier fragments; it lets them go when the connection closes, and runs its @OnClose. */
    private void refuse(ChannelHandlerContext ctx, WebSocketFrame frame, WebSocketCloseStatus status, String reason) {
        LOG.debug("refused a frame from {}: {}", ctx.channel().remoteAddress(), reason);
        refusing = true;
        frame.release();
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason));
        ctx.close();
    }
}
