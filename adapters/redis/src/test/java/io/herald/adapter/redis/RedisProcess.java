package io.herald.adapter.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real redis-server (Debian's package) on a free loopback port, started and stopped by the test that needs it,
 * with nothing persisted. It can be stopped and started again on the same port, as a Redis that went away and came
 * back. Without redis-server installed the test fails and says how to install it.
 */
public final class RedisProcess implements AutoCloseable {
    private static final List<String> WHERE = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    private final Path executable;
    private final int port;
    private Process process;

    private RedisProcess(Path executable, int port) {
        this.executable = executable;
        this.port = port;
    }

    public static RedisProcess start() {
        Path executable = find().orElseThrow(() -> new IllegalStateException(
                "redis-server is not installed; install Debian's package: apt-get install -y redis-server "
                        + "(.ci/run does this on a clean machine)"));
        RedisProcess redis = new RedisProcess(executable, freePort());
        redis.startAgain();
        return redis;
    }

    private static Optional<Path> find() {
        return WHERE.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts on the same port, after {@link #stop()}: the Redis a node lost comes back. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING");
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops it hard, as a crash or a network cut would. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
