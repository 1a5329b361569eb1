package io.herald.application.fuzz;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Text for the parsers' fuzz tests: JSON of every shape, built from the numbers, strings and nesting that break
 * parsers, and text that is not JSON at all. The words and keys are the caller's, so that random objects often look
 * like the ones its parser really reads.
 */
public final class JsonShapes {
    /** Numbers no long or double holds, and a few that are not JSON numbers at all. */
    public static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "1e-400", "-1E-400", "1E+999999999",
            "0e999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1.7976931348623159E308", "4.9E-325", "-0", "-0.0", "0.0e-5",
            "123456789012345678901234567890.5", "NaN", "Infinity", "-Infinity", "01", "1.", "+1", ".5", "0x10",
            "1" + "0".repeat(1200));

    private final List<String> words;
    private final List<String> keys;

    /** {@code words} are mixed into the strings, {@code keys} into the objects' keys. */
    public JsonShapes(List<String> words, List<String> keys) {
        this.words = List.copyOf(words);
        this.keys = List.copyOf(keys);
    }

    public static Gen<Long> longs() {
        return Gen.weighted(8, (Gen<Long>) Random::nextLong,
                2, Gen.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, (long) Integer.MAX_VALUE + 1, 1L << 53));
    }

    /** Finite doubles over the whole range, subnormals and the edges included. */
    public static Gen<Double> doubles() {
        return Gen.weighted(6, (Gen<Double>) random -> {
                    double d = Double.longBitsToDouble(random.nextLong());
                    return Double.isFinite(d) ? d : random.nextDouble();
                },
                3, (Gen<Double>) random -> (random.nextDouble() - 0.5) * 1e6,
                2, Gen.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 0.0, -0.0, 0.1, 1e-300));
    }

    public static Gen<String> numbers() {
        return Gen.weighted(3, longs().map(String::valueOf), 3, doubles().map(String::valueOf),
                2, (Gen<String>) random -> new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99)).toString(),
                3, Gen.of(ODD_NUMBERS));
    }

    /** Any UTF-16 text: control characters, lone surrogates, emoji, right-to-left marks, up to {@code max} units. */
    public static Gen<String> text(int max) {
        return random -> {
            int length = random.nextInt(max + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(switch (random.nextInt(6)) {
                    case 0 -> (char) random.nextInt(0x20);
                    case 1, 2 -> (char) (0x20 + random.nextInt(0x5f));
                    case 3 -> (char) (0xd800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                });
            }
            return text.toString();
        };
    }

    public static Gen<String> alpha(int min, int max) {
        return random -> {
            int length = min + random.nextInt(max - min + 1);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
            }
            return text.toString();
        };
    }

    /** Objects of distinct keys (a repeated key is its own case, in {@link #anyText}), 0 to {@code max} of them. */
    public static Gen<String> object(Gen<String> keys, Gen<String> values, int max) {
        return random -> {
            int size = random.nextInt(max + 1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                fields.putIfAbsent(keys.next(random), values.next(random));
            }
            return fields.entrySet().stream().map(e -> JsonString.quote(e.getKey()) + ":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    /**
     * Nesting far past what any real input needs, up to past the parser's own limit: bare arrays, objects nested
     * under {@code key}, and arrays as the value of a real-looking object that {@code opening} starts, up to its key.
     */
    public static Gen<String> deeplyNested(String key, String opening) {
        String nestedKey = "{" + JsonString.quote(key) + ":";
        return random -> {
            int depth = 1 + random.nextInt(3000);
            return switch (random.nextInt(4)) {
                case 0 -> "[".repeat(depth) + "]".repeat(depth);
                case 1 -> nestedKey.repeat(depth) + "{}" + "}".repeat(depth);
                case 2 -> opening + "[".repeat(depth) + "]".repeat(depth) + "}";
                default -> "[".repeat(depth);
            };
        };
    }

    /** Quoted strings: any text, ids like the ones Herald makes, and the caller's words. */
    public Gen<String> strings() {
        return Gen.oneOf(text(40),
                Gen.of("", " ", "session-1", "player-2", "ai-msg#player-2#NodeComplete-0000000000000000", "s#1", "a|b",
                        "\u0000", "\u202e", "\ud83d\ude00", "\ud800", "x".repeat(300)),
                Gen.of(words)).map(JsonString::quote);
    }

    public Gen<String> scalars() {
        return Gen.oneOf(numbers(), strings(), Gen.of("true", "false", "null"));
    }

    /** Any JSON value, nested up to {@code depth}. */
    public Gen<String> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Gen<String> inner = values(depth - 1);
        return Gen.weighted(3, scalars(),
                1, inner.list(4).map(items -> "[" + String.join(",", items) + "]"),
                1, object(Gen.oneOf(Gen.of(keys), text(10)), inner, 6));
    }

    /**
     * Text that is almost, or not at all, JSON: cut short, closed once too often, doubled, and the caller's
     * {@code nearMisses}, real-looking input broken in one way each.
     */
    public Gen<String> anyText(String... nearMisses) {
        Gen<String> json = values(3);
        return Gen.oneOf(text(200),
                json.map(j -> j.substring(0, j.length() / 2)),
                json.map(j -> j + "}"),
                json.map(j -> j + " " + j),
                Gen.of(Stream.concat(Stream.of("", " ", "null", "{", "}"), Arrays.stream(nearMisses)).toList()));
    }
}
