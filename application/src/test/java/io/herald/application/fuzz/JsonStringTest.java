package io.herald.application.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The escaper the fuzz shapes quote with: what JSON requires is escaped, and nothing else, so inputs stay hostile. */
class JsonStringTest {
    @Test
    void the_empty_text_is_two_quotes() {
        assertThat(JsonString.quote("")).isEqualTo("\"\"");
    }

    @Test
    void a_quote_and_a_backslash_are_escaped_with_a_backslash() {
        assertThat(JsonString.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(JsonString.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
    }

    @Test
    void every_control_character_is_a_unicode_escape_even_those_with_a_short_form() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(JsonString.quote("x" + c + "y")).isEqualTo("\"x\\u%04Xy\"".formatted((int) c));
        }
        assertThat(JsonString.quote("\n\t\u0000\u001f")).isEqualTo("\"\\u000A\\u0009\\u0000\\u001F\"");
    }

    @Test
    void everything_else_is_kept_as_it_is() {
        for (String text : List.of(" ", "/", "'", "\u007f", "\u00e9", "\u2028\u2029", "\u202e", "\ufeff", "\ud83d\ude00",
                "\ud800", "\udfff", "\uffff", "session-1#a|b", "x".repeat(300))) {
            assertThat(JsonString.quote(text)).isEqualTo("\"" + text + "\"");
        }
    }
}
