package io.herald.application.fuzz;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a check on many generated inputs. Each try has its own seed, derived from one run seed, so a failure names
 * the seed and the input and is replayed with {@code -Dherald.fuzz.seed=…}; the default seed keeps CI deterministic,
 * and {@code -Dherald.fuzz.tries=…} explores further.
 */
public final class Fuzz {
    private static final long DEFAULT_SEED = 20260109L;

    private Fuzz() {
    }

    public static <T> void check(int tries, Gen<T> inputs, Consumer<T> check) {
        long seed = Long.getLong("herald.fuzz.seed", DEFAULT_SEED);
        int runs = Integer.getInteger("herald.fuzz.tries", tries);
        for (int i = 0; i < runs; i++) {
            T input = inputs.next(new Random(mixed(seed, i)));
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fails for try " + i + " of seed " + seed + " (-Dherald.fuzz.seed=" + seed
                        + "), input: " + abbreviated(String.valueOf(input)), e);
            }
        }
    }

    /**
     * The seed of one try: SplitMix64's finaliser over run seed and try number. Random's first values for seeds that
     * differ by little are nearly the same, which would make every try start down the same path.
     */
    static long mixed(long seed, int tryNumber) {
        long z = seed + (tryNumber + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String abbreviated(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "… (" + text.length() + " characters)" : text;
    }
}
