package io.herald.loadtest;

/** The help text, kept apart from the parser so it reads as one page. */
final class Usage {
    static final String TEXT = """
            Herald load generator: drives a RUNNING Herald server with real WebSocket clients.
            It only talks to --url (default %s) and to the websocketUrl the server returns, which
            must be on the same host or on loopback. Every scenario is bounded in size and time and stops by itself.

            usage: java -jar loadtest/target/herald-loadtest.jar <scenario> [options]

            scenarios
              seed       --sessions N (10) × --players N (5) players register, connect and join; then --events N (100)
                         NodeComplete events with distinct nodeIds go out at once, round-robin over the players.
                         Checks that every event yields exactly one ai_message to its player (sk ai-msg#<player>#<event>)
                         and one runtime_delta to each other player of its session; counts lost, duplicated and
                         unexpected. Exit 1 if any is above zero.
                         START THE SERVER WITH HERALD_MESSAGES_COOLDOWN=0s: with a cooldown, the server rightly stays
                         silent for a player's second event and the run reports those messages as lost.
              broadcast  one session of --players N (1000); the first player posts --events N (20) NodeComplete events,
                         one every --interval (200ms). Measures, per event, the HTTP answer (event accepted) to the
                         runtime_delta of the LAST of the other N-1 players (negative if the server pushes before it
                         answers), the same from the moment the POST left, and every delivery from that moment.
              idle       --connections N (20000) players in teams of 5 register, connect and join, then hold the
                         connections for --hold (60s), silent or sending a ping every --ping-every; then close them.
                         Prints "HOLDING <n> connections (pid of this process <pid>)" once all are joined: measure
                         the server then (jcmd <server pid> GC.heap_info / VM.native_memory). Every connection is one
                         open file on BOTH sides: raise `ulimit -n` above N plus a few hundred for this process and the
                         server, or connections fail with "Too many open files".

            options (all scenarios)
              --url URL           server base URL (%s)
              --timeout D         seed/broadcast: how long to wait for the expected frames after the last event;
                                  all: how long one player may take to connect and join (30s)
              --concurrency N     registrations, handshakes or event POSTs in flight at once (100)
            options (seed, broadcast)
              --settle D          extra wait after everything arrived, to catch late duplicates (1s)

            Durations: 250ms, 30s, 2m; a bare number is seconds (milliseconds for --interval).
            Output: readable lines, then one line `RESULT scenario=<name> key=value …` with every figure.
            Latencies are System.nanoTime differences in ms, percentiles by nearest rank (n/a: nothing measured).
            On a small machine shared with the server, `java -XX:TieredStopAtLevel=1 -jar …` keeps the tool's own
            JIT compilation from taking CPU the server needs during a short run.
            Exit status: 0 clean, 1 lost/duplicated/unexpected frames or other failures, 2 bad arguments or setup failed.
            """.formatted(CommandLine.DEFAULT_URL, CommandLine.DEFAULT_URL);

    private Usage() {}
}
