package io.herald.domain;

import java.util.Locale;

/** The short code players type to join a team: six characters from an alphabet without look-alikes (0/O, 1/I/L). */
public record TeamCode(String value) {
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;

    public TeamCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new InvalidIdException("team code must be " + LENGTH + " characters from " + ALPHABET);
        }
    }

    /** Accepts what a person types: surrounding spaces and lower case. */
    public static TeamCode parse(String typed) {
        return new TeamCode(typed == null ? null : typed.strip().toUpperCase(Locale.ROOT));
    }

    /** Picks a code from random values supplied by the caller, so the domain stays deterministic. */
    public static TeamCode from(int[] randomIndexes) {
        if (randomIndexes.length != LENGTH) {
            throw new IllegalArgumentException("need " + LENGTH + " random values");
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int index : randomIndexes) {
            code.append(ALPHABET.charAt(Math.floorMod(index, ALPHABET.length())));
        }
        return new TeamCode(code.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
