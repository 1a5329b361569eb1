package io.herald.adapter.openai;

import static io.herald.adapter.openai.ComposerFixture.anaCompletes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.RecordingCompositionRecorder;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.MessageComposer;
import io.herald.application.port.MessageComposer.Composition;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Micronaut side: a key turns composition on, against whatever endpoint the configuration names. */
class OpenAiWiringTest {

    @Test
    void with_a_key_the_context_has_this_modules_composer_calling_the_configured_endpoint() {
        try (FakeOpenAi server = FakeOpenAi.start();
                ApplicationContext context = ApplicationContext.run(Map.of(
                        "herald.openai.api-key", "sk-wired",
                        "herald.openai.base-url", server.baseUrl(),
                        "herald.openai.model", "wired-model"))) {

            MessageComposer composer = context.getBean(MessageComposer.class);
            Composition composition = composer.compose(anaCompletes("node-3"));

            assertThat(composer).isInstanceOf(OpenAiComposer.class);
            assertThat(composition).isEqualTo(new Composition.Text("Well done, explorer!"));
            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.authorization()).isEqualTo("Bearer sk-wired");
                assertThat(request.json().path("model").asText()).isEqualTo("wired-model");
                assertThat(request.message("system")).startsWith("You are the Herald");
            });
            RecordingCompositionRecorder recorder =
                    (RecordingCompositionRecorder) context.getBean(CompositionRecorder.class);
            assertThat(recorder.calls()).singleElement()
                    .satisfies(call -> assertThat(call.model()).isEqualTo("wired-model"));
        }
    }

    @Test
    void without_a_key_the_context_starts_with_no_composer_from_this_module() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.openai.model", "unused"))) {

            assertThat(context.findBean(MessageComposer.class)).isEmpty();
            assertThat(context.containsBean(com.openai.client.OpenAIClient.class)).isFalse();
            assertThat(context.getBean(SystemPromptSource.class).systemPrompt()).startsWith("You are the Herald");
        }
    }

    @Test
    void a_blank_key_counts_as_no_key() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.openai.api-key", " "))) {

            assertThat(context.findBean(MessageComposer.class)).isEmpty();
        }
    }

    @Test
    void an_s3_prompt_is_read_through_the_s3_client_that_micronaut_aws_configures() {
        try (FakeOpenAi server = FakeOpenAi.start(); S3Stub s3 = S3Stub.start()) {
            s3.put("quest-bucket", "config/agent_prompt.py", "system_prompt = \"\"\"You are the keeper.\"\"\"\n");
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "herald.openai.api-key", "sk-wired",
                    "herald.openai.base-url", server.baseUrl(),
                    "herald.openai.system-prompt", "s3://quest-bucket/config/agent_prompt.py",
                    "aws.region", "eu-west-1",
                    "aws.access-key-id", "local",
                    "aws.secret-key", "local",
                    "aws.services.s3.endpoint-override", s3.endpoint().toString(),
                    "aws.s3.path-style-access-enabled", true))) {

                context.getBean(MessageComposer.class).compose(anaCompletes("node-3"));

                assertThat(s3.requests()).containsExactly("GET /quest-bucket/config/agent_prompt.py");
                assertThat(server.requests().getFirst().message("system")).isEqualTo("You are the keeper.");
            }
        }
    }

    @Test
    void with_a_key_a_prompt_that_cannot_be_loaded_stops_the_start_naming_the_source() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "herald.openai.api-key", "sk-wired",
                "herald.openai.system-prompt", "file:/nonexistent/herald/agent_prompt.py")).close())
                .hasStackTraceContaining("file:/nonexistent/herald/agent_prompt.py");
    }
}
