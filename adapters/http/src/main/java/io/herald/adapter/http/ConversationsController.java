package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.CharacterConversation;
import io.herald.application.Refused;
import io.herald.domain.CharacterId;
import io.herald.domain.ConversationLine;
import io.herald.domain.SessionId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversations between characters that a session's players overhear (seed 003, option 3): the game's backend holds
 * one with the service key (the lines go to the session's devices as they are said, and come back in the answer);
 * the session's players and the backend read one back.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/sessions/{sessionId}/conversations")
public class ConversationsController {
    private final CharacterConversation conversations;
    private final Callers callers;

    public ConversationsController(CharacterConversation conversations, Callers callers) {
        this.conversations = conversations;
        this.callers = callers;
    }

    /** {@code {characters: [id, id, …], topic, lines?}}: 2 to 4 characters, 1 to 12 lines (6 by default). */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.ConversationRequest.class)))
    @ErrorResponses
    @Post(consumes = "*/*", produces = "application/json")
    public HttpResponse<ChatBodies.ConversationLines> hold(HttpRequest<?> request, @PathVariable String sessionId, @Nullable @Body String body) {
        callers.requireService(request, "conversations are started with the service key");
        SessionId session = HttpJson.parsed("sessionId", sessionId, SessionId::new);
        ObjectNode fields = HttpJson.parseObject(body);
        JsonNode cast = fields.get("characters");
        if (cast == null || !cast.isArray()) {
            throw ApiException.badField("characters", "missing_field", "'characters' is a list of character ids");
        }
        List<CharacterId> characters = new ArrayList<>();
        for (JsonNode character : cast) {
            if (!character.isTextual()) {
                throw ApiException.badField("characters", "invalid_field", "'characters' holds character ids");
            }
            characters.add(HttpJson.parsed("characters", character.asText(), CharacterId::new));
        }
        String topic = HttpJson.text(fields, "topic");
        JsonNode lines = fields.get("lines");
        if (lines != null && !lines.isNull() && !lines.isInt()) {
            throw ApiException.badField("lines", "invalid_field", "'lines' must be a whole number from 1 to "
                    + CharacterConversation.MAX_LINES);
        }
        int count = lines == null || lines.isNull() ? 6 : lines.intValue();
        CharacterConversation.Outcome outcome;
        try {
            outcome = conversations.hold(new CharacterConversation.Command(session, characters, topic, count));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", e.getMessage());
        }
        return switch (outcome) {
            case CharacterConversation.Held held -> HttpJson.body(
                    ChatBodies.ConversationLines.of(held.conversationId(), held.lines())).status(HttpStatus.CREATED);
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Get(value = "/{conversationId}", produces = "application/json")
    public HttpResponse<ChatBodies.ConversationLines> read(HttpRequest<?> request, @PathVariable String sessionId,
            @PathVariable String conversationId) {
        Callers.Caller caller = callers.require(request);
        SessionId session = HttpJson.parsed("sessionId", sessionId, SessionId::new);
        callers.requireSession(caller, session);
        List<ConversationLine> lines = conversations.lines(session, conversationId);
        if (lines.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown_conversation", "no such conversation in this session");
        }
        return HttpJson.body(ChatBodies.ConversationLines.of(conversationId, lines));
    }
}
