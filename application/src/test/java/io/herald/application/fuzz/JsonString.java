package io.herald.application.fuzz;

/** Quotes text as a JSON string, so the application's fuzz shapes need no JSON library (it depends on the JDK only). */
public final class JsonString {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonString() {
    }

    /**
     * The text between quotes, with only what JSON requires escaped: quote, backslash and U+0000 to U+001F, the
     * latter always as {@code \}{@code uXXXX}. Everything else, lone surrogates included, is kept as it is, so the
     * parser under test meets it raw.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
