package io.herald.loadtest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final Set<String> COMMON = Set.of("url", "urls", "timeout", "concurrency");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "seed", Set.of("sessions", "players", "events", "settle"),
            "broadcast", Set.of("players", "events", "interval", "in-flight", "settle"),
            "idle", Set.of("connections", "hold", "ping-every"),
            "cluster", Set.of("sessions", "players", "events", "kill-command", "kill-url", "kill-after", "settle"),
            "room", Set.of("rooms", "members", "senders", "messages", "interval", "reconnect", "missed",
                    "history-pages", "settle"));
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
            return new Invocation.Invalid("unknown scenario '" + scenario
                    + "' (expected seed, broadcast, idle, cluster or room)");
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
        List<URI> urls = flags.urls();
        Duration timeout = flags.duration("timeout", Duration.ofSeconds(30), ChronoUnit.SECONDS, false);
        int concurrency = flags.positive("concurrency", 100);
        return switch (scenario) {
            case "seed" -> new ScenarioOptions.Seed(urls, flags.positive("sessions", 10), flags.positive("players", 5),
                    flags.positive("events", 100), timeout,
                    flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true), concurrency);
            case "broadcast" -> broadcast(flags, urls, timeout, concurrency);
            case "idle" -> new ScenarioOptions.Idle(urls, flags.positive("connections", 20_000),
                    flags.duration("hold", Duration.ofSeconds(60), ChronoUnit.SECONDS, false),
                    flags.optionalDuration("ping-every", ChronoUnit.SECONDS), timeout, concurrency);
            case "cluster" -> cluster(flags, urls, timeout, concurrency);
            case "room" -> room(flags, urls, timeout, concurrency);
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
        };
    }

    private static ScenarioOptions.Broadcast broadcast(Flags flags, List<URI> urls, Duration timeout,
            int concurrency) {
        int players = flags.atLeastTwo("players", 1000);
        int events = flags.positive("events", 20);
        Duration interval = flags.duration("interval", Duration.ofMillis(200), ChronoUnit.MILLIS, true);
        int inFlight = flags.positive("in-flight", 1);
        if (inFlight > events) {
            throw new IllegalArgumentException("--in-flight (" + inFlight + ") must not exceed --events (" + events
                    + "): no more events than that can be in flight");
        }
        return new ScenarioOptions.Broadcast(urls, players, events, interval, inFlight, timeout,
                flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true), concurrency);
    }

    private static ScenarioOptions.Cluster cluster(Flags flags, List<URI> urls, Duration timeout, int concurrency) {
        if (urls.size() < 2) {
            throw new IllegalArgumentException("cluster needs at least two server nodes: --urls URL,URL[,URL…]");
        }
        int events = flags.positive("events", 1000);
        String command = flags.values().get("kill-command");
        Optional<ScenarioOptions.Kill> kill = Optional.empty();
        if (command == null) {
            for (String needsCommand : List.of("kill-url", "kill-after")) {
                if (flags.values().containsKey(needsCommand)) {
                    throw new IllegalArgumentException("--" + needsCommand + " only makes sense with --kill-command");
                }
            }
        } else {
            if (command.isBlank()) {
                throw new IllegalArgumentException("--kill-command must not be empty");
            }
            int after = flags.nonNegative("kill-after", 500);
            if (after > events) {
                throw new IllegalArgumentException("--kill-after (" + after + ") must not exceed --events (" + events
                        + "): the kill would never happen");
            }
            kill = Optional.of(new ScenarioOptions.Kill(command, flags.killNode(urls), after));
        }
        return new ScenarioOptions.Cluster(urls, flags.positive("sessions", 200), flags.atLeastTwo("players", 5),
                events, kill, timeout, flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true),
                concurrency);
    }

    private static ScenarioOptions.Room room(Flags flags, List<URI> urls, Duration timeout, int concurrency) {
        int members = flags.positive("members", 20);
        int senders = flags.positive("senders", 2);
        if (senders > members) {
            throw new IllegalArgumentException("--senders (" + senders + ") must not exceed --members (" + members
                    + "): senders are members of the room");
        }
        // Only a member who does not send can be away while the others talk; with none, there is nobody to reconnect.
        int listeners = members - senders;
        int reconnect = flags.nonNegative("reconnect", Math.min(1, listeners));
        if (reconnect > listeners) {
            throw new IllegalArgumentException("--reconnect (" + reconnect + ") must not exceed --members minus"
                    + " --senders (" + listeners + "): only members who do not send go away and come back");
        }
        return new ScenarioOptions.Room(urls, flags.positive("rooms", 10), members, senders,
                flags.positive("messages", 50),
                flags.duration("interval", Duration.ofMillis(20), ChronoUnit.MILLIS, true), reconnect,
                flags.nonNegative("missed", 100), flags.nonNegative("history-pages", 20), timeout,
                flags.duration("settle", Duration.ofSeconds(1), ChronoUnit.SECONDS, true), concurrency);
    }

    /** Typed reads of the raw flag values; each failure names the flag. */
    private record Flags(Map<String, String> values) {
        /** {@code --url} (or its default) as the only node, or every node of {@code --urls}, in the order given. */
        List<URI> urls() {
            String many = values.get("urls");
            if (many == null) {
                return List.of(url("url", values.getOrDefault("url", DEFAULT_URL)));
            }
            if (values.containsKey("url")) {
                throw new IllegalArgumentException("--url and --urls are mutually exclusive: give one node or a list");
            }
            List<URI> urls = new ArrayList<>();
            for (String raw : many.split(",", -1)) {
                if (raw.isBlank()) {
                    throw new IllegalArgumentException("--urls has an empty entry: '" + many + "'");
                }
                URI url = url("urls", raw.strip());
                if (urls.stream().anyMatch(known -> sameNode(known, url))) {
                    throw new IllegalArgumentException("--urls names " + url + " twice");
                }
                urls.add(url);
            }
            return List.copyOf(urls);
        }

        /** The index of {@code --kill-url} among the nodes, if given; it must be one of them. */
        Optional<Integer> killNode(List<URI> urls) {
            String raw = values.get("kill-url");
            if (raw == null) {
                return Optional.empty();
            }
            URI victim = url("kill-url", raw.strip());
            for (int node = 0; node < urls.size(); node++) {
                if (sameNode(urls.get(node), victim)) {
                    return Optional.of(node);
                }
            }
            throw new IllegalArgumentException("--kill-url " + raw + " is not one of --urls");
        }

        private static boolean sameNode(URI a, URI b) {
            return a.toString().replaceAll("/+$", "").equalsIgnoreCase(b.toString().replaceAll("/+$", ""));
        }

        private static URI url(String name, String raw) {
            try {
                URI url = new URI(raw);
                if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                    throw new IllegalArgumentException("--" + name + " must be http(s)://host[:port], got '" + raw
                            + "'");
                }
                return url;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--" + name + " is not a URL: '" + raw + "'", e);
            }
        }

        int nonNegative(String name, int fallback) {
            String raw = values.get(name);
            if (raw == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Reported below with the flag's name.
            }
            throw new IllegalArgumentException("--" + name + " must be a whole number, zero or more, got '" + raw
                    + "'");
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
