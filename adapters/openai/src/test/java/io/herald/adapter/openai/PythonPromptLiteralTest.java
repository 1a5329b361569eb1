package io.herald.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PythonPromptLiteralTest {

    @Test
    void a_triple_quoted_literal_is_read_as_python_would() {
        String file = """
                # agent_prompt.py
                import os

                system_prompt = \"\"\"You are the guide.
                Be kind.\\nUse \\"quotes\\" and a tab:\\t!\\
                 Joined.\"\"\"
                """;

        assertThat(PythonPromptLiteral.extract(file))
                .isEqualTo("You are the guide.\nBe kind.\nUse \"quotes\" and a tab:\t! Joined.");
    }

    @Test
    void single_quotes_raw_strings_annotations_and_adjacent_literals_are_understood() {
        assertThat(PythonPromptLiteral.extract("system_prompt = 'it\\'s fine'\n")).isEqualTo("it's fine");
        assertThat(PythonPromptLiteral.extract("system_prompt = r'''C:\\new\\table'''\n")).isEqualTo("C:\\new\\table");
        assertThat(PythonPromptLiteral.extract("system_prompt: str = \"typed\"\n")).isEqualTo("typed");
        assertThat(PythonPromptLiteral.extract("""
                system_prompt = (
                    "First part, "  # a comment between the parts
                    'second part.'
                )
                """)).isEqualTo("First part, second part.");
    }

    @Test
    void escapes_cover_hex_unicode_names_and_octal_and_unknown_ones_keep_their_backslash() {
        assertThat(PythonPromptLiteral.extract("system_prompt = \"\\x41\\u00e9\\U0001F600\\N{BLACK STAR}\\101\\d\"\n"))
                .isEqualTo("Aé\uD83D\uDE00★A\\d");
    }

    @Test
    void the_last_top_level_assignment_wins_and_look_alikes_are_ignored() {
        String file = """
                '''A docstring that says
                system_prompt = "not this one"
                '''
                # system_prompt = "nor this comment"
                system_prompt_version = "nor a longer name"
                system_prompt = "first"
                def helper():
                    system_prompt = "nor an indented one"
                    return system_prompt == "x"
                options = {"system_prompt": "nor a key"}
                system_prompt = \"\"\"second\"\"\"
                """;

        assertThat(PythonPromptLiteral.extract(file)).isEqualTo("second");
    }

    @Test
    void windows_line_endings_and_a_byte_order_mark_are_accepted() {
        assertThat(PythonPromptLiteral.extract("\uFEFFsystem_prompt = \"\"\"a\r\nb\"\"\"\r\n")).isEqualTo("a\nb");
    }

    @Test
    void a_value_that_would_need_running_the_file_is_refused() {
        for (String file : new String[] {
                "system_prompt = f\"Hello {name}\"\n",
                "system_prompt = \"\"\"text\"\"\".strip()\n",
                "system_prompt = load_prompt()\n",
                "system_prompt = \"a\" + other\n",
                "system_prompt = b\"bytes\"\n"}) {
            assertThatThrownBy(() -> PythonPromptLiteral.extract(file)).as(file)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("system_prompt at line 1 is not a plain string literal");
        }
    }

    @Test
    void a_file_without_the_assignment_or_with_an_unterminated_string_is_refused() {
        assertThatThrownBy(() -> PythonPromptLiteral.extract("prompt = \"elsewhere\"\n"))
                .hasMessageContaining("no top-level system_prompt");
        assertThatThrownBy(() -> PythonPromptLiteral.extract("system_prompt = \"\"\"never closed\n"))
                .hasMessageContaining("unterminated string literal starting at line 1");
    }

    @Test
    void code_in_the_file_is_never_run() {
        String file = """
                import os
                os.system("touch /tmp/herald-was-executed")
                raise SystemExit(1)
                system_prompt = "only this is read"
                """;

        assertThat(PythonPromptLiteral.extract(file)).isEqualTo("only this is read");
    }
}
