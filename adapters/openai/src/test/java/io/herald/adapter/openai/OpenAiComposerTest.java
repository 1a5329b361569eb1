package io.herald.adapter.openai;

import static io.herald.adapter.openai.ComposerFixture.ANA;
import static io.herald.adapter.openai.ComposerFixture.SESSION;
import static io.herald.adapter.openai.ComposerFixture.SYSTEM_PROMPT;
import static io.herald.adapter.openai.ComposerFixture.anaCompletes;
import static io.herald.adapter.openai.ComposerFixture.individual;
import static io.herald.adapter.openai.ComposerFixture.teamReaches;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.openai.FakeOpenAi.Reply;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.MessageComposer.Composition;
import io.herald.application.port.MessageComposer;
import io.herald.application.spi.CompositionRecorder;
import io.herald.domain.MessageType;
import io.herald.domain.Milestone;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionPlayer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiComposerTest {
    private final ComposerFixture fixture = new ComposerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_request_names_the_model_its_limits_and_the_system_prompt_then_the_event() {
        fixture.server.replyWith(Reply.completion("Great job on the bridge, Ana!"));

        Composition composition = fixture.composer().compose(anaCompletes("node-3"));

        assertThat(composition).isEqualTo(new Composition.Text("Great job on the bridge, Ana!"));
        FakeOpenAi.Received request = fixture.server.requests().getFirst();
        assertThat(request.authorization()).isEqualTo("Bearer test-key");
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-5.2-2025-12-11");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(150);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("system", "user");
        assertThat(request.message("system")).isEqualTo(SYSTEM_PROMPT);
        assertThat(request.message("user"))
                .startsWith("<instructions>\n")
                .contains("completed a step of the quest", "</instructions>\n<game_data>\n")
                .endsWith("event: NodeComplete\nplayer: \"Ana\"\nnode: \"node-3\"\n</game_data>");
    }

    @Test
    void model_and_limits_follow_the_settings() {
        fixture.settings.setModel("local-llama");
        fixture.settings.setMaxTokens(60);
        fixture.settings.setTemperature(0.2);

        fixture.composer().compose(anaCompletes("node-3"));

        JsonNode body = fixture.server.requests().getFirst().json();
        assertThat(body.path("model").asText()).isEqualTo("local-llama");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(60);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void an_arrival_asks_for_a_line_that_fits_the_place() {
        fixture.composer().compose(
                individual(new ObjectArrive(SESSION, ANA.id(), new ObjectId("old-lighthouse"), FakeHerald.START), ANA));

        assertThat(fixture.server.requests().getFirst().message("user"))
                .contains("arrived at the place below", "fits this place")
                .endsWith("event: ObjectArrive\nplayer: \"Ana\"\nplace: \"old-lighthouse\"\n</game_data>");
    }

    @Test
    void a_correct_answer_asks_for_congratulations_and_a_wrong_one_for_encouragement_without_a_hint() {
        MessageComposer composer = fixture.composer();

        composer.compose(individual(new PuzzleSubmit(SESSION, ANA.id(), new PuzzleId("riddle-7"), true, 1, FakeHerald.START), ANA));
        composer.compose(individual(new PuzzleSubmit(SESSION, ANA.id(), new PuzzleId("riddle-8"), false, 3, FakeHerald.START), ANA));

        List<FakeOpenAi.Received> requests = fixture.server.requests();
        assertThat(requests.get(0).message("user")).contains("solved the puzzle", "Congratulate")
                .endsWith("puzzle: \"riddle-7\"\ncorrect: true\nattempt: 1\n</game_data>");
        assertThat(requests.get(1).message("user")).contains("was not right", "keep trying, without any hint")
                .endsWith("puzzle: \"riddle-8\"\ncorrect: false\nattempt: 3\n</game_data>");
    }

    @Test
    void a_milestone_asks_for_one_line_to_the_whole_team() {
        fixture.composer().compose(teamReaches("summit"));

        assertThat(fixture.server.requests().getFirst().message("user"))
                .contains("Every player of the team", "whole team")
                .endsWith("event: Milestone\nplace: \"summit\"\nteam: \"Ana\", \"Ben\"\n</game_data>");
    }

    @Test
    void a_big_team_is_named_in_part_so_the_prompt_stays_small() {
        List<SessionPlayer> team = IntStream.rangeClosed(1, 15)
                .mapToObj(i -> new SessionPlayer(new PlayerId("p-" + i), "Player " + i, PlayerStatus.ACTIVE)).toList();

        fixture.composer().compose(new MessageComposer.Request(new Milestone(SESSION, new ObjectId("summit"), FakeHerald.START),
                MessageType.BROADCAST, team));

        assertThat(fixture.server.requests().getFirst().message("user"))
                .contains("team: \"Player 1\", \"Player 2\"", "\"Player 12\" and 3 more\n")
                .doesNotContain("Player 13");
    }

    @Test
    void a_periodic_check_fails_without_calling_the_model_and_says_why() {
        Composition composition = fixture.composer().compose(new MessageComposer.Request(
                new PeriodicCheck(SESSION, FakeHerald.START), MessageType.BROADCAST, List.of(ANA)));

        assertThat(composition).isEqualTo(new Composition.Failed("periodic checks are not composed"));
        assertThat(fixture.server.requests()).isEmpty();
        assertThat(fixture.recorder.calls()).singleElement()
                .satisfies(call -> assertThat(call.fallbackReason()).contains("periodic checks are not composed"));
    }

    @Test
    void a_successful_call_is_recorded_with_model_tokens_latency_and_no_fallback() {
        fixture.server.replyWith(Reply.completion("Onward, crew!", 321, 12));
        MessageComposer.Request request = anaCompletes("node-3");

        fixture.composer().compose(request);

        CompositionRecorder.Call call = fixture.recorder.calls().getFirst();
        assertThat(call.at()).isEqualTo(FakeHerald.START);
        assertThat(call.session()).isEqualTo(SESSION);
        assertThat(call.event()).isEqualTo(request.event().id());
        assertThat(call.model()).isEqualTo("gpt-5.2-2025-12-11");
        assertThat(call.promptTokens()).isEqualTo(321);
        assertThat(call.completionTokens()).isEqualTo(12);
        assertThat(call.latency()).isPositive();
        assertThat(call.fallbackReason()).isEqualTo(Optional.empty());
        assertThat(call.ok()).isTrue();
    }

    @Test
    void the_reply_is_trimmed_and_stripped_of_control_and_direction_characters() {
        fixture.server.replyWith(Reply.completion("  \u0007Well done,\u202E Ana!\r\nNext stop: the stars.\u0000 \n"));

        Composition composition = fixture.composer().compose(anaCompletes("node-3"));

        assertThat(composition).isEqualTo(new Composition.Text("Well done, Ana!\nNext stop: the stars."));
    }

    @Test
    void a_recorder_that_fails_does_not_cost_the_player_the_message() {
        CompositionRecorder broken = call -> {
            throw new IllegalStateException("statistics table is down");
        };

        Composition composition = fixture.composer(() -> SYSTEM_PROMPT, broken).compose(anaCompletes("node-3"));

        assertThat(composition).isEqualTo(new Composition.Text("Well done, explorer!"));
    }

    @Test
    void the_sdk_does_not_retry_on_its_own() {
        // With the circuit open after one failure, a second request could only come from the SDK's own retries.
        fixture.settings.setBreakerThreshold(1);
        fixture.server.replyWith(Reply.error(500, "server_error"), Reply.completion("from a retry"));

        Composition composition = fixture.composer().compose(anaCompletes("node-3"));

        assertThat(composition).isEqualTo(new Composition.Failed("server error (500); circuit opened after 1 attempt"));
        assertThat(fixture.server.requests()).hasSize(1);
    }
}
