package io.herald.adapter.openai;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes a player-controlled string (a name, a node or object reference) safe to show a model as data: NFKC folds
 * look-alike and full-width forms, invisible characters (zero-width, bidi controls, tag characters) and control
 * characters are dropped, whitespace collapses, the length is capped, and the result is quoted so that it cannot
 * close the data section or pass for an instruction.
 */
final class UntrustedText {
    private static final String ELLIPSIS = "…";
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private UntrustedText() {
    }

    /** The cleaned value, at most {@code maxCodePoints} long, inside double quotes with JSON-style escapes. */
    static String quoted(String raw, int maxCodePoints) {
        return quote(clean(raw, maxCodePoints));
    }

    static String clean(String raw, int maxCodePoints) {
        StringBuilder visible = new StringBuilder();
        Normalizer.normalize(raw, Normalizer.Form.NFKC).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                visible.append(' ');
            } else if (!isInvisible(cp)) {
                visible.appendCodePoint(cp);
            }
        });
        // Dropping an invisible character can leave a sequence that NFKC would fold further.
        String text = Normalizer.normalize(SPACES.matcher(visible).replaceAll(" ").strip(), Normalizer.Form.NFKC);
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints - 1)).strip() + ELLIPSIS;
    }

    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /**
     * Escapes what could end the quoted value ({@code "} and {@code \}) or the data section ({@code <} and {@code >});
     * control characters never reach here.
     */
    static String quote(String clean) {
        StringBuilder quoted = new StringBuilder(clean.length() + 2).append('"');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '<' -> quoted.append("\\u003c");
                case '>' -> quoted.append("\\u003e");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
