package io.herald.loadtest;

/** The help text, kept apart from the parser so it reads as one page. */
final class HelpText {
    static final String TEXT = """
            Herald load generator: drives a RUNNING Herald server with real WebSocket clients.
            It only talks to --url (default %s) and to the websocketUrl the server returns, which
            must be on the same host or on loopback; or, with --urls, to each node of a cluster and to that node's own
            /ws. Every scenario is bounded in size and time and stops by itself.

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
                         one every --interval (200ms), each with its own nodeId. --in-flight N (1, at most --events)
                         lets up to N POSTs wait for their answers at once: event k starts k × interval after the
                         first, or as soon as one of the N is answered if it is late; --interval 0 sends them back to
                         back, N at a time. With 1, each event waits for the answer to the one before. Measures, per
                         event, the HTTP answer (event accepted) to the runtime_delta of the LAST of the other N-1
                         players (negative if the server pushes before it answers), the same from the moment the POST
                         left, and every delivery from that moment; and deliveries per second over the whole run,
                         from the first POST sent to the last runtime_delta received.
              idle       --connections N (20000) players in teams of 5 register, connect and join, then hold the
                         connections for --hold (60s), silent or sending a ping every --ping-every; then close them.
                         Prints "HOLDING <n> connections (pid of this process <pid>)" once all are joined: measure
                         the server then (jcmd <server pid> GC.heap_info / VM.native_memory). Every connection is one
                         open file on BOTH sides: raise `ulimit -n` above N plus a few hundred for this process and the
                         server, or connections fail with "Too many open files".
              cluster    --urls of two or more nodes sharing one Redis and one store (--url is not enough).
                         --sessions N (200) × --players N (5, at least 2) players spread over the nodes, register,
                         connect and join; then --events N (1000) NodeComplete events, event i to node i mod n whoever
                         its player is (no sticky sessions); then every team arrives at one object, one player after
                         the other, for one broadcast per team to every player, all copies sharing one messageId.
                         --kill-command CMD   run CMD once via /bin/sh -c (bounded by --timeout; its exit status and
                                              output are printed) when --kill-after N (500) events have been
                                              accepted; the events keep coming while the node dies
                         --kill-url URL       the node CMD stops (one of --urls); without it, the node whose /health
                                              stops answering after CMD started is the one that died
                         The dead node's players reconnect to the next surviving node (short backoff, retries), join
                         again, fetch what they missed (GET /runtime/messages/undelivered, following cursors) and ack
                         it; events meant for the dead node go to a survivor, and one that got no answer from it is
                         sent once more to a survivor. Reports ai_messages delivered live, by catch-up, redelivered
                         (allowed), lost, duplicated (live twice to one player), unexpected; runtime_deltas owed only
                         to players joined from before the event to the end (the rest: missed while disconnected);
                         and apart, messages of events accepted by the node that died before it orchestrated them
                         (not lost: durable intake is a later issue). Exit 1 if lost, duplicated or unexpected is
                         above zero, or the kill took no node down. Needs HERALD_MESSAGES_COOLDOWN=0s like seed.
                         e.g. cluster --urls http://127.0.0.1:8080,http://127.0.0.1:8081 --kill-command "kill -9 4242"
                              --kill-url http://127.0.0.1:8081   (4242: the pid of the server listening on 8081)
              room       --rooms N (10) rooms of --members N (20) players each (solo players; each room made by its
                         first member, joined by the rest over HTTP), every member's socket subscribed to its room.
                         The first --senders N (2) members of each room send --messages N (50) each over their
                         socket, each with its own clientMessageId, which is also its text, one every --interval
                         (20ms): a sender never has two sends unanswered, so message k leaves k × interval after its
                         first or when room_sent answers message k-1, whichever is later (0: on each answer).
                         Every member (senders too) must get every message of its room once, in offset order
                         (offsets rising by exactly 1), and nothing else. Then --reconnect N (1; at most members
                         minus senders) members per room who do not send close their socket, --missed N (100) more
                         messages go to each room (from its first sender), and they come back with room_subscribe
                         since their last offset: they must be told recovered:true and replayed:N and get exactly
                         the offsets after it, in order, then live messages again (one more per room). Last,
                         --history-pages N (20; 0: none) pages of 50 are read newest first from
                         GET /api/rooms/{roomId}/messages, room after room, following nextCursor.
                         Measures send->each member (every live copy), send->last member (each message every member
                         got live; a 1000-member room: --rooms 1 --members 1000 --senders 1), deliveries/s of the
                         first phase (its copies from its first send to its last copy), send->room_sent,
                         room_subscribe->last replayed and ->room_subscribed per returning member, and each history
                         page. START THE SERVER WITH HERALD_ROOMS_SENDS_PER_SECOND=100000
                         HERALD_ROOMS_SEND_BURST=100000 HERALD_LIMITS_ENABLED=false HERALD_ROOMS_MAX_REPLAY=100000:
                         the default limit of 5 sends a second per member and room refuses most sends (error
                         rate_limited), and a return that missed more than HERALD_ROOMS_MAX_REPLAY (5000) is
                         answered recovered:false.

            options (all scenarios)
              --url URL           server base URL (%s)
              --urls URL,URL,…    several nodes of one cluster instead (not with --url); player k of team t uses
                                  node (t + k) mod n for its socket, registration and events (room: player
                                  k = room × members + member uses node k mod n for its registration, socket and
                                  sends), and results are also given per node (players connected, deliveries their
                                  sockets carried, per second); nodes are named node0, node1, … in the order given
              --timeout D         seed/broadcast/cluster: how long to wait for the expected frames after the last
                                  event; cluster: also the bound of the kill command, of finding the dead node and of
                                  the team arrivals; room: how long a send may wait for room_sent and each phase for
                                  its copies; all: how long one player may take to connect and join (30s)
              --concurrency N     registrations, handshakes or event POSTs in flight at once (100); broadcast's
                                  events use --in-flight instead; room: also room joins and returns
            options (seed, broadcast, cluster, room)
              --settle D          extra wait after everything arrived, to catch late duplicates (1s)

            Durations: 250ms, 30s, 2m; a bare number is seconds (milliseconds for --interval).
            Output: readable lines, then one line `RESULT scenario=<name> key=value …` with every figure.
            Latencies are System.nanoTime differences in ms, percentiles by nearest rank (n/a: nothing measured).
            On a small machine shared with the server, `java -XX:TieredStopAtLevel=1 -jar …` keeps the tool's own
            JIT compilation from taking CPU the server needs during a short run.
            Exit status: 0 clean, 1 lost/duplicated/unexpected frames or other failures, 2 bad arguments or setup failed.
            """.formatted(CommandLine.DEFAULT_URL, CommandLine.DEFAULT_URL);

    private HelpText() {}
}
