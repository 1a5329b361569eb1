package io.herald.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The settings of one run, one record per scenario, so each scenario sees only the flags that mean something to it. */
sealed interface ScenarioOptions {
    /** The server nodes, from {@code --url} (one) or {@code --urls} (one or more); node i is {@code urls[i]}. */
    List<URI> urls();

    /** {@code sessions × players} players, {@code events} NodeComplete events spread round-robin over them. */
    record Seed(List<URI> urls, int sessions, int players, int events, Duration timeout, Duration settle,
            int concurrency) implements ScenarioOptions {
        public Seed {
            urls = List.copyOf(urls);
        }
    }

    /**
     * One session of {@code players}; its first player posts {@code events}, one every {@code interval}, with at
     * most {@code inFlight} of them unanswered at once.
     */
    record Broadcast(List<URI> urls, int players, int events, Duration interval, int inFlight, Duration timeout,
            Duration settle, int concurrency) implements ScenarioOptions {
        public Broadcast {
            urls = List.copyOf(urls);
        }
    }

    /** {@code connections} joined players in teams of five, held silent (or pinging) for {@code hold}. */
    record Idle(List<URI> urls, int connections, Duration hold, Optional<Duration> pingEvery, Duration timeout,
            int concurrency) implements ScenarioOptions {
        public Idle {
            urls = List.copyOf(urls);
        }
    }

    /**
     * {@code sessions × players} players spread over at least two nodes, {@code events} NodeComplete events sent
     * round-robin over the nodes, then one team arrival per session; optionally one node killed on the way.
     */
    record Cluster(List<URI> urls, int sessions, int players, int events, Optional<Kill> kill, Duration timeout,
            Duration settle, int concurrency) implements ScenarioOptions {
        public Cluster {
            urls = List.copyOf(urls);
        }
    }

    /**
     * {@code rooms} rooms of {@code members} subscribed members each; the first {@code senders} members of a room
     * send {@code messages} each, one every {@code interval}; then {@code reconnect} members per room who do not send
     * go away while {@code missed} more are sent, and come back asking for exactly those; then {@code historyPages}
     * pages of history are read over HTTP.
     */
    record Room(List<URI> urls, int rooms, int members, int senders, int messages, Duration interval, int reconnect,
            int missed, int historyPages, Duration timeout, Duration settle, int concurrency)
            implements ScenarioOptions {
        public Room {
            urls = List.copyOf(urls);
        }
    }

    /**
     * The kill of a cluster run: {@code command} goes to {@code /bin/sh -c} once {@code after} events were accepted;
     * {@code node} is the index of {@code --kill-url} when the operator named the victim, else it is detected.
     */
    record Kill(String command, Optional<Integer> node, int after) {}
}
