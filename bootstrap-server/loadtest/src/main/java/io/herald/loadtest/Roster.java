package io.herald.loadtest;

import java.util.List;

/** The teams a scenario registered, in order, and why any player could not be registered. */
record Roster(List<List<RegisteredPlayer>> teams, List<String> failures) {
    Roster {
        teams = teams.stream().map(List::copyOf).toList();
        failures = List.copyOf(failures);
    }

    List<RegisteredPlayer> players() {
        return teams.stream().flatMap(List::stream).toList();
    }
}
