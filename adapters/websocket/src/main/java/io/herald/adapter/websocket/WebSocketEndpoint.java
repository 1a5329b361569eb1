package io.herald.adapter.websocket;

import io.herald.adapter.protocol.Frames;
import io.herald.adapter.protocol.ProtocolDispatcher;
import io.herald.application.CloseConnection;
import io.herald.application.OpenConnection;
import io.herald.application.RelayVoice;
import io.herald.application.port.IdGenerator;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.ConnectionId;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code /ws?teamCode=…&token=…}: a token that does not verify closes the socket (1008) before anything is
 * stored; after that every frame goes to the shared protocol dispatcher, on the connection's own lane.
 */
@ServerWebSocket("/ws")
public class WebSocketEndpoint {
    private static final String CONNECTION = "herald.connection";
    private static final String LANE = "herald.lane";

    private final SessionTokens tokens;
    private final IdGenerator ids;
    private final OpenConnection openConnection;
    private final CloseConnection closeConnection;
    private final ProtocolDispatcher dispatcher;
    private final LocalConnections local;
    private final Frames frames;
    private final ExecutorService work;
    private final RelayVoice voice;

    public WebSocketEndpoint(SessionTokens tokens, IdGenerator ids, OpenConnection openConnection,
            CloseConnection closeConnection, ProtocolDispatcher dispatcher, LocalConnections local, Frames frames,
            @Named(WebSocketFactory.CONNECTION_WORK) ExecutorService work, RelayVoice voice) {
        this.tokens = tokens;
        this.ids = ids;
        this.openConnection = openConnection;
        this.closeConnection = closeConnection;
        this.dispatcher = dispatcher;
        this.local = local;
        this.frames = frames;
        this.work = work;
        this.voice = voice;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        Optional<SessionTokens.Identity> identity = request.getParameters().getFirst("token").flatMap(tokens::verify);
        if (identity.isEmpty()) {
            session.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), "invalid_token"));
            return;
        }
        ConnectionId connection = ids.newConnectionId();
        Lane lane = new Lane(work);
        session.put(CONNECTION, connection);
        session.put(LANE, lane);
        local.attach(connection, session);
        String address = request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
        String userAgent = request.getHeaders().get("User-Agent", String.class).orElse("");
        lane.submit(() -> openConnection.open(new OpenConnection.Command(connection, identity.get().session(),
                identity.get().player(), address, userAgent)));
    }

    /** The bound is per frame here; {@link InboundLimits} applies the same bound to a message's joined fragments. */
    @OnMessage(maxPayloadLength = SocketLimits.MAX_MESSAGE_BYTES)
    public void onMessage(String text, WebSocketSession session) {
        Optional<ConnectionId> connection = session.get(CONNECTION, ConnectionId.class);
        Optional<Lane> lane = session.get(LANE, Lane.class);
        if (connection.isEmpty() || lane.isEmpty()) {
            return;
        }
        boolean queued = lane.get().submit(() -> dispatcher.handle(connection.get(), text).forEach(session::sendAsync));
        if (!queued) {
            session.sendAsync(frames.error("too_many_frames", "too many frames waiting on this connection; slow down",
                    Optional.empty()));
        }
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        session.get(CONNECTION, ConnectionId.class).ifPresent(connection -> {
            local.detach(connection);
            session.get(LANE, Lane.class).ifPresent(lane -> lane.submit(() -> {
                voice.hangUp(connection);
                closeConnection.close(new CloseConnection.Command(connection));
            }));
        });
    }
}
