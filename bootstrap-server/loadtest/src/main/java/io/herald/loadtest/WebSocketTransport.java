package io.herald.loadtest;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Adapts one JDK WebSocket to a {@link PlayerSession}: joins text fragments and queues sends one after another. */
final class WebSocketTransport implements WebSocket.Listener, Outbox {
    private final StringBuilder fragments = new StringBuilder();
    private final Object sendLock = new Object();
    private volatile PlayerSession session;
    private volatile WebSocket socket;
    // The JDK WebSocket refuses a send while the previous one is pending, so every send waits for the last.
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    /** Binds the session before the socket opens, so no frame can arrive with nobody to hand it to. */
    void attach(PlayerSession target) {
        this.session = target;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        fragments.append(data);
        if (last) {
            String text = fragments.toString();
            fragments.setLength(0);
            session.onText(text, System.nanoTime());
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        session.onClosed("closed with " + statusCode + (reason.isEmpty() ? "" : " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        session.onClosed(Failures.describe(error));
    }

    @Override
    public void send(String frame) {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendText(frame, true));
        }
    }

    @Override
    public void abort() {
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }

    @Override
    public void close() {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "load test done"));
        }
    }
}
