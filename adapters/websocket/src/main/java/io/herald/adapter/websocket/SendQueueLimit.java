package io.herald.adapter.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what waits in this node's memory for one device: the bytes of frames handed to the connection and not yet
 * taken by its socket. Netty queues whatever it is given, so a device that stops reading would otherwise hold every
 * push made to it until it goes away. Past the bound the frame is not queued, the device is closed with
 * {@value #TOO_SLOW} ({@value #TOO_SLOW_REASON}), and nothing more is queued for it. Dropping loses nothing that
 * matters: AI messages are stored before they are pushed and stay owed until the device acknowledges them, so
 * catch-up returns them after it reconnects; deltas are live by design.
 */
final class SendQueueLimit extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SendQueueLimit.class);
    /** Private range (4000–4999), apart from 1008: a bad token will fail again, a slow device may come back. */
    static final int TOO_SLOW = 4008;
    static final String TOO_SLOW_REASON = "too_slow";
    /** The outcome of a frame refused because its connection is closing; shared, because a stack trace says nothing. */
    static final RuntimeException NOT_SENT = new NotSent();

    private final long maxQueuedBytes;
    private long queued;
    private boolean closing;

    SendQueueLimit(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof WebSocketFrame frame) || msg instanceof CloseWebSocketFrame) {
            ctx.write(msg, promise);
            return;
        }
        if (closing) {
            refuse(msg, promise);
            return;
        }
        long size = frame.content().readableBytes();
        // A frame larger than the whole bound still goes to a device that has nothing waiting.
        if (queued > 0 && queued + size > maxQueuedBytes) {
            closing = true;
            LOG.debug("closing {}: {} bytes wait for it and it does not read", ctx.channel().remoteAddress(), queued);
            refuse(msg, promise);
            ctx.writeAndFlush(new CloseWebSocketFrame(TOO_SLOW, TOO_SLOW_REASON));
            ctx.close();
            return;
        }
        queued += size;
        ChannelPromise tracked = promise.unvoid();
        tracked.addListener(done -> queued -= size);
        ctx.write(msg, tracked);
    }

    private static void refuse(Object msg, ChannelPromise promise) {
        ReferenceCountUtil.release(msg);
        promise.tryFailure(NOT_SENT);
    }

    private static final class NotSent extends RuntimeException {
        private NotSent() {
            super("not sent: the connection is closing", null, false, false);
        }
    }
}
