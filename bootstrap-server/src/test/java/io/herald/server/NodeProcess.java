package io.herald.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Herald node in a process of its own, started from this test's classpath, so it can be killed the way a machine
 * dies: SIGKILL, no shutdown hook, no goodbye to Redis, sockets cut.
 */
final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private NodeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static NodeProcess start(Map<String, Object> settings, Path log) {
        int port = SharedDynamoDb.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                // A node the tests start and kill again and again: start fast rather than peak.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dmicronaut.server.port=" + port);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeraldServer.class.getName()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            NodeProcess node = new NodeProcess(process, port);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("the node process did not start", e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && "UP".equals(PlayerClient.JSON.readTree(health.body()).path("status").asText())) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the node on port " + port + " never became healthy (UP, and linked when clustered)");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: nothing in the node runs after this. */
    void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        killHard();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
