package io.herald.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The settings of one run, one record per scenario, so each scenario sees only the flags that mean something to it. */
sealed interface ScenarioOptions {
    URI url();

    /** {@code sessions × players} players, {@code events} NodeComplete events spread round-robin over them. */
    record Seed(URI url, int sessions, int players, int events, Duration timeout, Duration settle, int concurrency)
            implements ScenarioOptions {}

    /** One session of {@code players}; its first player posts {@code events}, one every {@code interval}. */
    record Broadcast(URI url, int players, int events, Duration interval, Duration timeout, Duration settle,
            int concurrency) implements ScenarioOptions {}

    /** {@code connections} joined players in teams of five, held silent (or pinging) for {@code hold}. */
    record Idle(URI url, int connections, Duration hold, Optional<Duration> pingEvery, Duration timeout,
            int concurrency) implements ScenarioOptions {}
}
