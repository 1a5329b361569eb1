package io.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A Node.js script under {@code src/test/js} that a test runs: JSON lines in on its stdin, JSON lines out on its
 * stdout (read as they come), its stderr and every line kept in {@code target/js-tests/}, and its exit code.
 */
final class NodeScript implements AutoCloseable {
    static final Path SCRIPTS = Path.of("src", "test", "js");
    static final Duration WAIT = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final List<JsonNode> unclaimed = new ArrayList<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private NodeScript(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().name("node-" + name).start(this::read);
    }

    /** Why Node.js cannot run the scripts here, or nothing when it can. */
    static Optional<String> nodeMissing() {
        if (nodeMajorVersion() <= 0) {
            return Optional.of("node (Node.js 20+) is not on the PATH; install it, then run the test again");
        }
        if (nodeMajorVersion() < 20) {
            return Optional.of("Node.js 20 or newer is needed, found major version " + nodeMajorVersion());
        }
        return Optional.empty();
    }

    /**
     * Skips the calling test when something it needs is missing (with how to install it), except on CI (CI set),
     * where it fails instead, so a missing install step never passes as a green run.
     */
    static void require(Optional<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        if (System.getenv("CI") != null) {
            Assertions.fail(missing.get() + " (CI is set, so this fails instead of skipping)");
        }
        Assumptions.assumeTrue(false, missing.get());
    }

    private static int nodeMajor = -1;

    static synchronized int nodeMajorVersion() {
        if (nodeMajor < 0) {
            try {
                Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                nodeMajor = version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0 && out.startsWith("v")
                        ? Integer.parseInt(out.substring(1, out.indexOf('.'))) : 0;
            } catch (IOException | RuntimeException e) {
                nodeMajor = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                nodeMajor = 0;
            }
        }
        return nodeMajor;
    }

    /** Starts {@code node <script> <args>} in the scripts' folder with these variables added to the environment. */
    static NodeScript start(String script, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of("node"));
        if (nodeMajorVersion() < 22) {
            // Node 20 and 21 have a global WebSocket only behind this flag; 22 has it by default.
            command.add("--experimental-websocket");
        }
        command.add(script);
        command.addAll(List.of(args));
        Path logs = Path.of("target", "js-tests");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile())
                    .redirectError(logs.resolve(script + ".stderr.log").toFile());
            builder.environment().putAll(environment);
            return new NodeScript(script, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                transcript.add(line);
                try {
                    incoming.add(PlayerClient.JSON.readTree(line));
                } catch (IOException e) {
                    // A stray line that is not JSON (a warning, say) stays in the transcript only.
                }
            }
        } catch (IOException e) {
            transcript.add("(stdout ended: " + e + ")");
        }
    }

    void send(ObjectNode command) {
        try {
            stdin.write(command.toString() + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError("the script is gone: " + this, e);
        }
    }

    /** Sends a command and waits for its answer, which must be ok. */
    JsonNode command(String cmd, String... fieldsAndValues) {
        ObjectNode command = PlayerClient.JSON.createObjectNode().put("cmd", cmd);
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            command.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return command(command);
    }

    JsonNode command(ObjectNode command) {
        String cmd = command.get("cmd").asText();
        send(command);
        JsonNode reply = await(line -> cmd.equals(line.path("reply").asText()), "the reply to " + cmd);
        if (!reply.path("ok").asBoolean()) {
            throw new AssertionError(cmd + " failed: " + reply + "\n" + this);
        }
        return reply.get("result");
    }

    /** The first line not yet claimed that matches, waiting for it if need be. */
    JsonNode await(Predicate<JsonNode> wanted, String what) {
        return await(wanted, what, WAIT);
    }

    JsonNode await(Predicate<JsonNode> wanted, String what, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (JsonNode line : unclaimed) {
                if (wanted.test(line)) {
                    unclaimed.remove(line);
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + wait + "\n" + this);
            }
            try {
                JsonNode next = incoming.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (next != null) {
                    unclaimed.add(next);
                }
                if (next == null && !process.isAlive() && incoming.isEmpty() && !reader.isAlive()) {
                    throw new AssertionError("the script ended (exit " + process.exitValue() + ") before " + what + "\n" + this);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    JsonNode awaitEvent(String event, Predicate<JsonNode> wanted, String what) {
        return await(line -> event.equals(line.path("event").asText()) && wanted.test(line), what);
    }

    /** Every unclaimed line that matches, after waiting this long for more to come (the lines stay unclaimed). */
    List<JsonNode> within(Duration quiet, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode next = incoming.poll(20, TimeUnit.MILLISECONDS);
                if (next != null) {
                    unclaimed.add(next);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        incoming.drainTo(unclaimed);
        return unclaimed.stream().filter(wanted).toList();
    }

    /** Lets this long pass, taking in whatever it prints meanwhile. */
    void quietFor(Duration quiet) {
        within(quiet, line -> false);
    }

    /** Every line it printed so far, claimed or not. */
    List<JsonNode> lines() {
        incoming.drainTo(unclaimed);
        List<JsonNode> all = new ArrayList<>();
        synchronized (transcript) {
            for (String line : transcript) {
                try {
                    all.add(PlayerClient.JSON.readTree(line));
                } catch (IOException e) {
                    // not JSON
                }
            }
        }
        return all;
    }

    /** Closes its stdin and waits for it to end by itself; killed (and failed) when it does not in time. */
    int exitCode(Duration wait) {
        try {
            stdin.close();
        } catch (IOException e) {
            // it may have closed its end already
        }
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the script did not end within " + wait + "\n" + this);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            keepTranscript();
        }
        return process.exitValue();
    }

    private void keepTranscript() {
        try {
            synchronized (transcript) {
                Files.write(Path.of("target", "js-tests", name + ".stdout.log"), transcript, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // only a log
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        keepTranscript();
    }

    @Override
    public String toString() {
        String stderr;
        try {
            Path file = Path.of("target", "js-tests", name + ".stderr.log");
            stderr = Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            stderr = "(unreadable: " + e + ")";
        }
        List<String> lines;
        synchronized (transcript) {
            lines = List.copyOf(transcript.subList(Math.max(0, transcript.size() - 60), transcript.size()));
        }
        return "--- " + name + " stdout (last " + lines.size() + " lines) ---\n" + String.join("\n", lines)
                + "\n--- stderr ---\n" + stderr;
    }
}
