package io.herald.loadtest;

import java.util.List;

/** The sessions that opened and joined, and why the others did not. */
record Connected(List<PlayerSession> sessions, List<String> failures) {
    Connected {
        sessions = List.copyOf(sessions);
        failures = List.copyOf(failures);
    }
}
