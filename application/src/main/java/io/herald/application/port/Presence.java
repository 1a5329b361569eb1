package io.herald.application.port;

import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.Map;

/** Which players of a session are online, and on how many devices, counted across every node that serves it. */
public interface Presence {

    /** Devices joined to the session, by player; players with none are absent. */
    Map<PlayerId, Integer> devicesOnline(SessionId session);
}
