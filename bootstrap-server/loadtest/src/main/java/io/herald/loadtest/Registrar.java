package io.herald.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Registers whole teams in two bounded waves: every team's first player creates it, then everybody else joins
 * with that team's code — the order the protocol requires, without making one team wait for another. Each player
 * registers through its own node; any node would do, this spreads the load.
 */
final class Registrar {
    private Registrar() {}

    /** Player names are {@code prefix-t<team>-p<player>}, short enough for the server's 64-character limit. */
    static Roster register(Nodes nodes, List<Integer> teamSizes, String prefix, int concurrency,
            PrintStream out) {
        int total = teamSizes.stream().mapToInt(Integer::intValue).sum();
        Progress progress = new Progress(out, "registered", total);
        List<StepResult<RegisteredPlayer>> leaders = Bounded.map(IntStream.range(0, teamSizes.size()).boxed().toList(),
                concurrency, progress,
                team -> StepResult.of(() -> nodes.forSeat(team, 0).register(name(prefix, team, 0), "team", null)));

        record Seat(int team, int player, String teamCode) {}
        List<Seat> seats = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int team = 0; team < teamSizes.size(); team++) {
            switch (leaders.get(team)) {
                case StepResult.Done<RegisteredPlayer> leader -> {
                    for (int player = 1; player < teamSizes.get(team); player++) {
                        seats.add(new Seat(team, player, leader.value().teamCode()));
                    }
                }
                case StepResult.Failed<RegisteredPlayer> failed -> {
                    failures.add("team " + team + " could not be created: " + failed.reason());
                    for (int player = 1; player < teamSizes.get(team); player++) {
                        failures.add("team " + team + " player " + player + " not registered: no team to join");
                    }
                }
            }
        }
        List<StepResult<RegisteredPlayer>> members = Bounded.map(seats, concurrency, progress,
                seat -> StepResult.of(() -> nodes.forSeat(seat.team(), seat.player())
                        .register(name(prefix, seat.team(), seat.player()), "team", seat.teamCode())));

        List<List<RegisteredPlayer>> teams = new ArrayList<>();
        for (int team = 0; team < teamSizes.size(); team++) {
            List<RegisteredPlayer> players = new ArrayList<>();
            if (leaders.get(team) instanceof StepResult.Done<RegisteredPlayer> leader) {
                players.add(leader.value());
            }
            teams.add(players);
        }
        for (int i = 0; i < seats.size(); i++) {
            switch (members.get(i)) {
                case StepResult.Done<RegisteredPlayer> member -> teams.get(seats.get(i).team()).add(member.value());
                case StepResult.Failed<RegisteredPlayer> failed -> failures.add("team " + seats.get(i).team() + " player "
                        + seats.get(i).player() + " not registered: " + failed.reason());
            }
        }
        return new Roster(teams, failures);
    }

    /**
     * Registers one solo player per name, each in a session of its own (room members need no team), player
     * {@code k} through node {@code k mod n}. The roster holds one team per player, in the order of the names.
     */
    static Roster registerSolo(Nodes nodes, List<String> names, int concurrency, PrintStream out) {
        Progress progress = new Progress(out, "registered", names.size());
        List<StepResult<RegisteredPlayer>> attempts = Bounded.map(IntStream.range(0, names.size()).boxed().toList(),
                concurrency, progress, k -> StepResult.of(() -> nodes.forSeat(k, 0).register(names.get(k), "solo",
                        null)));
        List<List<RegisteredPlayer>> teams = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            switch (attempts.get(k)) {
                case StepResult.Done<RegisteredPlayer> done -> teams.add(List.of(done.value()));
                case StepResult.Failed<RegisteredPlayer> failed -> failures.add(names.get(k) + " not registered: "
                        + failed.reason());
            }
        }
        return new Roster(teams, failures);
    }

    private static String name(String prefix, int team, int player) {
        return prefix + "-t" + team + "-p" + player;
    }
}
