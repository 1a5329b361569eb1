package io.herald.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The operator's kill command, run once through {@code /bin/sh -c} within a time limit, its status and output kept. */
final class KillCommand {
    private static final int KEPT_OUTPUT = 2_000;
    private static final Duration DRAIN = Duration.ofSeconds(1);

    /** How the command ended: no status if it could not start or had to be killed for taking too long. */
    record Ran(String command, Optional<Integer> exitStatus, String output, boolean timedOut, long tookNanos) {
        String describe() {
            String ending = timedOut ? "timed out and was killed"
                    : exitStatus.map(status -> "exited " + status).orElse("did not run");
            String shown = output.isBlank() ? "no output"
                    : "output: " + Failures.abbreviate(output.strip().replace('\n', '|'));
            return "`" + command + "` " + ending + " after " + tookNanos / 1_000_000 + " ms, " + shown;
        }
    }

    private KillCommand() {}

    static Ran run(String command, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Ran(command, Optional.empty(), "could not start /bin/sh: " + Failures.describe(e), false,
                    System.nanoTime() - start);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // A command that leaves a child holding its output open must not hold this run up: read on the side.
        Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        }
        reader.join(DRAIN);
        long took = System.nanoTime() - start;
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        return new Ran(command, finished ? Optional.of(process.exitValue()) : Optional.empty(), text, !finished,
                took);
    }

    private static void drain(InputStream in, ByteArrayOutputStream output) {
        byte[] buffer = new byte[512];
        try (in) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (output) {
                    output.write(buffer, 0, Math.min(read, Math.max(0, KEPT_OUTPUT - output.size())));
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is what there is.
        }
    }
}
