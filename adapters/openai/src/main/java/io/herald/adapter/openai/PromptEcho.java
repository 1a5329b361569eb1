package io.herald.adapter.openai;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The leak guard: a reply that reproduces any run of {@link #WINDOW} characters of the system prompt is the model
 * reciting its instructions, whether it was talked into it or an endpoint echoes the request back, and is never
 * stored. Both texts are compared folded (compatibility forms, case, punctuation and whitespace, JSON-style escapes
 * as in an echoed request body), so reformatting does not hide a recital. A character's line has no reason to quote
 * seven words of its brief in a row, so real replies pass. Secrets must not be in a prompt at all: this is the second
 * line behind that rule, and a short secret on its own would pass it.
 */
final class PromptEcho {
    static final int WINDOW = 40;

    private PromptEcho() {
    }

    static boolean echoes(String reply, String systemPrompt) {
        String prompt = fold(systemPrompt);
        String text = fold(reply);
        for (int start = 0; start + WINDOW <= text.length(); start++) {
            if (prompt.contains(text.substring(start, start + WINDOW))) {
                return true;
            }
        }
        return false;
    }

    /** Letters and digits in lower case; every other run of characters, escapes such as {@code \n} too, one space. */
    static String fold(String text) {
        String folded = Normalizer.normalize(unescape(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && !kept.isEmpty()) {
                    kept.append(' ');
                }
                kept.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return kept.toString();
    }

    /** A backslash, u and four hex digits become that character; any other backslash escape becomes a space. */
    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                plain.append(c);
            } else if (text.charAt(i + 1) == 'u' && i + 6 <= text.length() && isHex(text, i + 2, i + 6)) {
                plain.append((char) HexFormat.fromHexDigits(text, i + 2, i + 6));
                i += 5;
            } else {
                plain.append(' ');
                i++;
            }
        }
        return plain.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        return text.substring(from, to).chars().allMatch(HexFormat::isHexDigit);
    }
}
