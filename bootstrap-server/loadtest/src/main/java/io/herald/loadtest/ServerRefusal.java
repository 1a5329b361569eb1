package io.herald.loadtest;

import java.io.IOException;

/**
 * The server answered, but not 200. Kept apart from connection failures because an answer proves the node is
 * alive: only a call that got no answer at all may be retried on another node.
 */
final class ServerRefusal extends IOException {
    ServerRefusal(String message) {
        super(message);
    }
}
