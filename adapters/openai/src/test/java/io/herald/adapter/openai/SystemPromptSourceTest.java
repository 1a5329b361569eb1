package io.herald.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class SystemPromptSourceTest {
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Supplier<S3Client> NO_S3 = () -> {
        throw new AssertionError("S3 must not be asked for a location that is not in S3");
    };

    private final ManualClock clock = new ManualClock(FakeHerald.START);

    @TempDir
    Path dir;

    private RefreshingSystemPrompt source(String location, Supplier<S3Client> s3) {
        return new RefreshingSystemPrompt(new PromptLoader(PromptLocation.parse(location), s3), REFRESH, clock);
    }

    @Test
    void the_shipped_default_prompt_loads_from_the_classpath() {
        String prompt = source(OpenAiSettingsDraft.defaults().systemPrompt(), NO_S3).systemPrompt();

        assertThat(prompt).startsWith("You are the Herald").contains("never give away a puzzle's answer");
    }

    @Test
    void a_plain_text_file_is_used_as_it_is_without_surrounding_blank_lines() throws IOException {
        Path file = Files.writeString(dir.resolve("prompt.txt"), "\n\nYou are Captain Nova.\nBe brief.\n\n");

        assertThat(source(file.toString(), NO_S3).systemPrompt()).isEqualTo("You are Captain Nova.\nBe brief.");
        assertThat(source("file:" + file, NO_S3).systemPrompt()).isEqualTo("You are Captain Nova.\nBe brief.");
    }

    @Test
    void a_python_file_gives_its_system_prompt_literal() throws IOException {
        Path file = Files.writeString(dir.resolve("agent_prompt.py"), """
                MODEL = "gpt-5.2-2025-12-11"
                system_prompt = \"\"\"
                You are Captain Nova.
                \"\"\"
                """);

        assertThat(source("file:" + file, NO_S3).systemPrompt()).isEqualTo("You are Captain Nova.");
    }

    @Test
    void a_missing_or_unreadable_prompt_at_start_is_an_error_naming_the_source() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path blank = Files.writeString(dir.resolve("blank.txt"), " \n ");
        Path notPython = Files.writeString(dir.resolve("broken.py"), "system_prompt = build()\n");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

        assertThatThrownBy(() -> source("file:" + missing, NO_S3))
                .isInstanceOf(SystemPromptUnavailableException.class).hasMessageContaining("file:" + missing);
        assertThatThrownBy(() -> source("file:" + blank, NO_S3))
                .isInstanceOf(SystemPromptUnavailableException.class)
                .hasMessageContaining("file:" + blank + " is empty");
        assertThatThrownBy(() -> source("file:" + notPython, NO_S3))
                .isInstanceOf(SystemPromptUnavailableException.class)
                .hasMessageContaining("file:" + notPython).hasMessageContaining("not a plain string literal");
        assertThatThrownBy(() -> source("file:" + latin1, NO_S3))
                .isInstanceOf(SystemPromptUnavailableException.class).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> source("classpath:herald/no-such-prompt.txt", NO_S3))
                .isInstanceOf(SystemPromptUnavailableException.class)
                .hasMessageContaining("classpath:herald/no-such-prompt.txt is not on the classpath");
    }

    @Test
    void the_prompt_is_served_from_memory_until_the_refresh_interval_has_passed() throws IOException {
        Path file = Files.writeString(dir.resolve("prompt.txt"), "first");
        RefreshingSystemPrompt source = source(file.toString(), NO_S3);
        Files.writeString(file, "second");

        clock.advance(REFRESH.minusSeconds(1));
        assertThat(source.systemPrompt()).isEqualTo("first");

        clock.advance(Duration.ofSeconds(1));
        assertThat(source.systemPrompt()).isEqualTo("second");
    }

    @Test
    void a_failed_refresh_keeps_the_last_good_prompt_and_tries_again_an_interval_later() throws IOException {
        Path file = Files.writeString(dir.resolve("prompt.txt"), "first");
        RefreshingSystemPrompt source = source(file.toString(), NO_S3);
        Files.delete(file);

        clock.advance(REFRESH);
        assertThat(source.systemPrompt()).isEqualTo("first");

        Files.writeString(file, "second");
        clock.advance(REFRESH.minusSeconds(1));
        assertThat(source.systemPrompt()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.systemPrompt()).isEqualTo("second");
    }

    @Test
    void an_s3_object_is_read_with_get_object_and_a_python_one_is_parsed() {
        try (S3Stub s3 = S3Stub.start()) {
            s3.put("quest-bucket", "config/agent_prompt.py",
                    "system_prompt = '''You are the keeper of the quest.'''\n");

            RefreshingSystemPrompt source = source("s3://quest-bucket/config/agent_prompt.py", s3::client);

            assertThat(source.systemPrompt()).isEqualTo("You are the keeper of the quest.");
            assertThat(s3.requests()).containsExactly("GET /quest-bucket/config/agent_prompt.py");
        }
    }

    @Test
    void an_s3_object_is_read_again_after_the_refresh_interval() {
        try (S3Stub s3 = S3Stub.start()) {
            s3.put("quest-bucket", "prompt.txt", "first");
            RefreshingSystemPrompt source = source("s3://quest-bucket/prompt.txt", s3::client);
            s3.put("quest-bucket", "prompt.txt", "second");

            clock.advance(REFRESH);

            assertThat(source.systemPrompt()).isEqualTo("second");
            assertThat(s3.requests()).hasSize(2);
        }
    }

    @Test
    void a_missing_s3_object_at_start_is_an_error_naming_it() {
        try (S3Stub s3 = S3Stub.start()) {
            assertThatThrownBy(() -> source("s3://quest-bucket/config/missing.py", s3::client))
                    .isInstanceOf(SystemPromptUnavailableException.class)
                    .hasMessageContaining("s3://quest-bucket/config/missing.py");
        }
    }

    @Test
    void a_location_is_a_classpath_resource_a_file_or_an_s3_object() {
        assertThat(PromptLocation.parse("classpath:/herald/p.txt"))
                .isEqualTo(new PromptLocation.Classpath("herald/p.txt"));
        assertThat(PromptLocation.parse("file:/etc/herald/p.py"))
                .isEqualTo(new PromptLocation.File(Path.of("/etc/herald/p.py")));
        assertThat(PromptLocation.parse("/etc/herald/p.py").isPython()).isTrue();
        assertThat(PromptLocation.parse("s3://bucket/config/agent_prompt.py"))
                .isEqualTo(new PromptLocation.S3Object("bucket", "config/agent_prompt.py"));
        assertThatThrownBy(() -> PromptLocation.parse("s3://bucket-only")).hasMessageContaining("s3://bucket/key");
        assertThatThrownBy(() -> PromptLocation.parse(" ")).hasMessageContaining("herald.openai.system-prompt");
    }
}
