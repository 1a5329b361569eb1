package io.herald.adapter.openai;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the value of the top-level {@code system_prompt = """…"""} assignment out of a Python prompt file (the seed's
 * {@code agent_prompt.py}) by parsing string literals, never by running the file: a prompt file from a bucket must
 * not be able to execute anything. Supported: single, double and triple quotes, the {@code r} and {@code u}
 * prefixes, Python's escape sequences, an optional {@code : str} annotation, and adjacent literals (in parentheses
 * across lines). Anything that would need evaluation (an f-string, a call, a name, {@code +}) is refused. When the
 * name is assigned more than once, the last assignment wins, as it would in Python.
 */
final class PythonPromptLiteral {
    private static final String NAME = "system_prompt";

    private final String source;
    private int pos;

    private PythonPromptLiteral(String source) {
        this.source = source;
    }

    /** The prompt text; {@link IllegalArgumentException} says why when there is no plain literal to read. */
    static String extract(String source) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        return new PythonPromptLiteral(text.startsWith("\uFEFF") ? text.substring(1) : text).scan()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no top-level " + NAME + " = \"\"\"…\"\"\" assignment"));
    }

    private Optional<String> scan() {
        Optional<String> found = Optional.empty();
        int depth = 0;
        boolean lineStart = true;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (lineStart && depth == 0 && isAssignmentToName()) {
                found = Optional.of(value());
                continue;
            }
            lineStart = false;
            if (c == '#') {
                skipComment();
            } else if (isLiteralStart(pos)) {
                literal();
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == '\n') {
                    lineStart = !continuesLine();
                }
                pos++;
            }
        }
        return found;
    }

    /** At column 0: {@code system_prompt}, an optional annotation, then {@code =} (not {@code ==}). */
    private boolean isAssignmentToName() {
        if (!source.startsWith(NAME, pos) || isIdentifierPart(pos + NAME.length())) {
            return false;
        }
        int p = skipBlanks(pos + NAME.length());
        if (p < source.length() && source.charAt(p) == ':') {
            p = skipBlanks(p + 1);
            while (p < source.length() && (isIdentifierPart(p) || source.charAt(p) == '.')) {
                p++;
            }
            p = skipBlanks(p);
        }
        if (p >= source.length() || source.charAt(p) != '=' || source.startsWith("==", p)) {
            return false;
        }
        pos = skipBlanks(p + 1);
        return true;
    }

    /** One or more adjacent plain literals, optionally in parentheses, then the end of the statement. */
    private String value() {
        boolean parenthesised = pos < source.length() && source.charAt(pos) == '(';
        if (parenthesised) {
            pos++;
        }
        StringBuilder value = new StringBuilder();
        int literals = 0;
        while (true) {
            pos = parenthesised ? skipSpaceAndComments(pos) : skipBlanks(pos);
            if (pos < source.length() && isLiteralStart(pos)) {
                value.append(plainLiteral());
                literals++;
            } else {
                break;
            }
        }
        if (literals == 0) {
            throw notALiteral();
        }
        if (parenthesised) {
            if (pos >= source.length() || source.charAt(pos) != ')') {
                throw notALiteral();
            }
            pos = skipBlanks(pos + 1);
        }
        if (pos < source.length() && source.charAt(pos) == '#') {
            skipComment();
        }
        if (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != ';') {
            throw notALiteral();
        }
        return value.toString();
    }

    private IllegalArgumentException notALiteral() {
        return new IllegalArgumentException(NAME + " at line " + line() + " is not a plain string literal "
                + "(f-strings, names, calls and operators would need the file to be run, which Herald never does)");
    }

    private String plainLiteral() {
        int start = pos;
        Literal literal = literal();
        if (literal.formatted() || literal.bytes()) {
            pos = start;
            throw notALiteral();
        }
        return literal.value();
    }

    private record Literal(String value, boolean formatted, boolean bytes) {
    }

    /** Reads the literal at {@code pos} (prefix included) and leaves {@code pos} just after it. */
    private Literal literal() {
        int startLine = line();
        String prefix = prefixAt(pos).toLowerCase(Locale.ROOT);
        pos += prefix.length();
        boolean raw = prefix.contains("r");
        char quote = source.charAt(pos);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
        String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += closing.length();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= source.length() || (!triple && source.charAt(pos) == '\n')) {
                throw new IllegalArgumentException("unterminated string literal starting at line " + startLine);
            }
            if (source.startsWith(closing, pos)) {
                pos += closing.length();
                return new Literal(value.toString(), prefix.contains("f"), prefix.contains("b"));
            }
            char c = source.charAt(pos);
            if (c == '\\' && pos + 1 < source.length()) {
                if (raw) {
                    value.append(c).append(source.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(value);
                }
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Python's escape sequences; an unknown one keeps its backslash, as Python does. */
    private void escape(StringBuilder value) {
        char next = source.charAt(pos + 1);
        pos += 2;
        switch (next) {
            case '\n' -> {
            }
            case '\\', '\'', '"' -> value.append(next);
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000B');
            case 'x' -> value.appendCodePoint(hex(2));
            case 'u' -> value.appendCodePoint(hex(4));
            case 'U' -> value.appendCodePoint(hex(8));
            case 'N' -> value.appendCodePoint(named());
            default -> {
                if (next >= '0' && next <= '7') {
                    value.appendCodePoint(octal(next));
                } else {
                    value.append('\\').append(next);
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > source.length()
                || !source.substring(pos, pos + digits).chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("bad \\x, \\u or \\U escape at line " + line());
        }
        int codePoint = HexFormat.fromHexDigits(source, pos, pos + digits);
        pos += digits;
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("escape at line " + line() + " is not a Unicode code point");
        }
        return codePoint;
    }

    private int octal(char first) {
        int value = first - '0';
        for (int i = 0; i < 2 && pos < source.length() && source.charAt(pos) >= '0' && source.charAt(pos) <= '7'; i++) {
            value = value * 8 + (source.charAt(pos++) - '0');
        }
        return value;
    }

    private int named() {
        int close = source.indexOf('}', pos);
        if (pos >= source.length() || source.charAt(pos) != '{' || close < 0) {
            throw new IllegalArgumentException("bad \\N{…} escape at line " + line());
        }
        String name = source.substring(pos + 1, close);
        pos = close + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown character name \\N{" + name + "} at line " + line(), e);
        }
    }

    /** A quote, or a prefix and a quote where the prefix is not the tail of a longer name. */
    private boolean isLiteralStart(int at) {
        char c = source.charAt(at);
        if (c == '"' || c == '\'') {
            return true;
        }
        return !prefixAt(at).isEmpty() && (at == 0 || !isIdentifierPart(at - 1));
    }

    /** The string prefix at {@code at} ({@code r}, {@code u}, {@code b}, {@code f}, {@code rb}, …), if any. */
    private String prefixAt(int at) {
        int end = at;
        while (end < source.length() && end - at < 2 && "rRuUbBfF".indexOf(source.charAt(end)) >= 0) {
            end++;
        }
        return end < source.length() && (source.charAt(end) == '"' || source.charAt(end) == '\'')
                ? source.substring(at, end)
                : "";
    }

    private boolean isIdentifierPart(int at) {
        return at < source.length() && Character.isJavaIdentifierPart(source.charAt(at));
    }

    /** A backslash before the newline joins the next physical line to this statement. */
    private boolean continuesLine() {
        return pos > 0 && source.charAt(pos - 1) == '\\';
    }

    private void skipComment() {
        while (pos < source.length() && source.charAt(pos) != '\n') {
            pos++;
        }
    }

    private int skipBlanks(int from) {
        int p = from;
        while (p < source.length()) {
            char c = source.charAt(p);
            if (c == ' ' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '\\' && source.startsWith("\\\n", p)) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    private int skipSpaceAndComments(int from) {
        int p = from;
        while (p < source.length()) {
            char c = source.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (c == '#') {
                while (p < source.length() && source.charAt(p) != '\n') {
                    p++;
                }
            } else {
                break;
            }
        }
        return p;
    }

    private int line() {
        return (int) source.substring(0, Math.min(pos, source.length())).chars().filter(c -> c == '\n').count() + 1;
    }
}
