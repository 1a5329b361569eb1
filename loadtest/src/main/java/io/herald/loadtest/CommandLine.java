package io.herald.loadtest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code <scenario> [--flag value | --flag=value]…} into options, or says plainly what is wrong. */
final class CommandLine {
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    /** What the arguments ask for. */
    sealed interface Invocation {
        record Run(ScenarioOptions options) implements Invocation {}

        record Help() implements Invocation {}

        record Invalid(String message) implements Invocation {}
    }

    private static final Set<String> COMMON = Set.of("url", "timeout", "concurrency");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "seed", Set.of("sessions", "players", "events", "settle"),
            "broadcast", Set.of("players", "events", "interval", "settle"),
            "idle", Set.of("connections", "hold", "ping-every"));
    private static final Set<String> HELP = Set.of("help", "-h", "--help");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private CommandLine() {}

    static Invocation parse(String[] args) {
        if (args.length == 0) {
            return new Invocation.Invalid("no scenario given");
        }
        String scenario = args[0];
        if (HELP.contains(scenario)) {
            return new Invocation.Help();
        }
        if (!FLAGS.containsKey(scenario)) {
            return new Invocation.Invalid("unknown scenario '" + scenario + "' (expected seed, broadcast or idle)");
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (HELP.contains(arg)) {
                return new Invocation.Help();
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                return new Invocation.Invalid("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return new Invocation.Invalid("--" + name + " needs a value");
            }
            if (!COMMON.contains(name) && !FLAGS.get(scenario).contains(name)) {
                return new Invocation.Invalid("unknown option --" + name + " for " + scenario);
            }
            if (flags.put(name, value) != null) {
                return new Invocation.Invalid("--" + name + " given twice");
            }
        }
        try {
            return new Invocation.Run(options(scenario, new Flags(flags)));
        } catch (IllegalArgumentException e) {
            return new Invocation.Invalid(e.getMessage());
        }
    }

    private static ScenarioOptions options(String scenario, Flags flags) {
        URI url = flags.url();
        Duration timeout = flags.duration("timeout", Duration.ofSeconds(30), ChronoUnit.SECONDS, false);
        int concurrency = flags.positive("concurrency", 100);
        return switch (scenario) {
            case "seed" -> new ScenarioOptions.Seed(url, flags.positive("sessions", 10), flags.positive("players", 5),
                    flags.positive("events", 100), timeout,
                    flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true), concurrency);
            case "broadcast" -> new ScenarioOptions.Broadcast(url, flags.atLeastTwo("players", 1000),
                    flags.positive("events", 20),
                    flags.duration("interval", Duration.ofMillis(200), ChronoUnit.MILLIS, true), timeout,
                    flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true), concurrency);
            case "idle" -> new ScenarioOptions.Idle(url, flags.positive("connections", 20_000),
                    flags.duration("hold", Duration.ofSeconds(60), ChronoUnit.SECONDS, false),
                    flags.optionalDuration("ping-every", ChronoUnit.SECONDS), timeout, concurrency);
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
        };
    }

    /** Typed reads of the raw flag values; each failure names the flag. */
    private record Flags(Map<String, String> values) {
        URI url() {
            String raw = values.getOrDefault("url", DEFAULT_URL);
            try {
                URI url = new URI(raw);
                if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                    throw new IllegalArgumentException("--url must be http(s)://host[:port], got '" + raw + "'");
                }
                return url;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--url is not a URL: '" + raw + "'", e);
            }
        }

        int positive(String name, int fallback) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Reported below with the flag's name.
            }
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + raw + "'");
        }

        int atLeastTwo(String name, int fallback) {
            int value = positive(name, fallback);
            if (value < 2) {
                throw new IllegalArgumentException("--" + name + " must be at least 2 (one sender, one recipient)");
            }
            return value;
        }

        /** {@code 250ms}, {@code 30s}, {@code 2m}, or a bare number in {@code bareUnit}. */
        Duration duration(String name, Duration fallback, ChronoUnit bareUnit, boolean zeroAllowed) {
            String raw = values.get(name);
            return raw == null ? fallback : parseDuration(name, raw, bareUnit, zeroAllowed);
        }

        Optional<Duration> optionalDuration(String name, ChronoUnit bareUnit) {
            String raw = values.get(name);
            return raw == null ? Optional.empty() : Optional.of(parseDuration(name, raw, bareUnit, false));
        }

        private static Duration parseDuration(String name, String raw, ChronoUnit bareUnit, boolean zeroAllowed) {
            Matcher matcher = DURATION.matcher(raw.strip());
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                ChronoUnit unit = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
                    case "ms" -> ChronoUnit.MILLIS;
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    default -> bareUnit;
                };
                if (amount > 0 || zeroAllowed) {
                    return Duration.of(amount, unit);
                }
            }
            throw new IllegalArgumentException("--" + name + " must be a duration like 250ms, 30s or 2m"
                    + (zeroAllowed ? "" : " (above zero)") + ", got '" + raw + "'");
        }
    }
}
