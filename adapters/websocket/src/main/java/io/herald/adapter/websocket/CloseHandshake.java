package io.herald.adapter.websocket;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closing handshake, whoever starts it. A client's close is echoed, so it sees its own code rather than 1006
 * (Micronaut, once its {@code @OnClose} has run, only drops the connection). A close frame is the last frame; the
 * connection is dropped once it has gone out, or after a grace at the latest, because a client that does not read
 * would otherwise keep the connection, and everything queued for it, for as long as it likes.
 */
final class CloseHandshake extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CloseHandshake.class);

    private final Duration grace;
    /** The close frame this side wrote, once it has written one; null until then. */
    private ChannelFuture closeFrameWritten;
    private ScheduledFuture<?> deadline;

    CloseHandshake(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close && closeFrameWritten == null) {
            closeFrameWritten = ctx.writeAndFlush(echoOf(close));
            armDeadline(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    /** The same code and reason back; a close without a code is answered without one (1005 may not be sent). */
    private static CloseWebSocketFrame echoOf(CloseWebSocketFrame close) {
        int code = close.statusCode();
        return code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, close.reasonText());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof WebSocketFrame)) {
            ctx.write(msg, promise);
        } else if (closeFrameWritten != null) {
            // Nothing may follow a close frame; a second close (Micronaut answering the echo of ours) is no error.
            ReferenceCountUtil.release(msg);
            if (msg instanceof CloseWebSocketFrame) {
                promise.trySuccess();
            } else {
                promise.tryFailure(SendQueueLimit.NOT_SENT);
            }
        } else if (msg instanceof CloseWebSocketFrame) {
            ChannelPromise tracked = promise.unvoid();
            closeFrameWritten = tracked;
            ctx.write(msg, tracked);
            armDeadline(ctx);
        } else {
            ctx.write(msg, promise);
        }
    }

    /** Micronaut drops the connection right after its {@code @OnClose}; the close frame goes out first. */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (closeFrameWritten == null || closeFrameWritten.isDone()) {
            drop(ctx, promise);
        } else {
            closeFrameWritten.addListener(written -> drop(ctx, promise));
        }
    }

    /**
     * Netty's frame decoder has already answered a broken frame with a close frame (1002 or 1009) and drops the
     * connection once that is written; the deadline covers a client that never reads it. Micronaut would log every
     * such frame as an error and answer again with 1011, so the error stops here.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException) {
            LOG.debug("refused a frame from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
            armDeadline(ctx);
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void armDeadline(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> drop(ctx, ctx.newPromise()), grace.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** On the event loop, from whichever comes first: the close frame gone out, or the deadline. */
    private void drop(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (!promise.isDone()) {
            ctx.close(promise);
        }
    }
}
