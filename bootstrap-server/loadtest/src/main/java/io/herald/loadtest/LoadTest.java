package io.herald.loadtest;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;

/** Entry point of the load generator: parses the scenario, runs it against the server, exits with its verdict. */
public final class LoadTest {
    static final int CLEAN = 0;
    static final int FAILURES = 1;
    static final int SETUP_FAILED = 2;

    private LoadTest() {}

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.out, System.err);
        System.out.flush();
        // The HttpClient's threads and any socket still closing must not keep the JVM alive past the verdict.
        System.exit(exit);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return switch (CommandLine.parse(args)) {
            case CommandLine.Invocation.Help help -> {
                out.print(HelpText.TEXT);
                yield CLEAN;
            }
            case CommandLine.Invocation.Invalid invalid -> {
                err.println("error: " + invalid.message());
                err.println();
                err.print(HelpText.TEXT);
                yield SETUP_FAILED;
            }
            case CommandLine.Invocation.Run run -> {
                HttpClient client = ServerUnderTest.newClient();
                Nodes nodes = new Nodes(run.options().urls(), client, Clock.systemUTC());
                try {
                    yield switch (run.options()) {
                        case ScenarioOptions.Seed seed -> new SeedScenario(seed, nodes, out).run();
                        case ScenarioOptions.Broadcast broadcast ->
                                new BroadcastScenario(broadcast, nodes, out).run();
                        case ScenarioOptions.Idle idle -> new IdleScenario(idle, nodes, out).run();
                        case ScenarioOptions.Cluster cluster -> new ClusterScenario(cluster, nodes, out).run();
                        case ScenarioOptions.Room room -> new RoomScenario(room, nodes, out).run();
                    };
                } finally {
                    client.shutdownNow();
                }
            }
        };
    }
}
