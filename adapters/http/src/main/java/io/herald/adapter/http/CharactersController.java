package io.herald.adapter.http;

import io.herald.application.Caller;
import io.herald.application.ChatWithCharacter;
import io.herald.application.Refused;
import io.herald.application.port.ChatStore;
import io.herald.domain.CharacterId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.Optional;

/** A player's chat with a character over HTTP: say something and get the reply; read the history newest first. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/characters/{characterId}/chat")
public class CharactersController {
    private static final String WHY_PLAYER = "a chat with a character is a player's";
    static final int MAX_PAGE = 100;

    private final ChatWithCharacter chat;
    private final Callers callers;

    public CharactersController(ChatWithCharacter chat, Callers callers) {
        this.chat = chat;
        this.callers = callers;
    }

    /** {@code {text}}: answered with both turns, the player's and the character's (also pushed to its devices). */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.ChatLine.class)))
    @ErrorResponses
    @Post(consumes = "*/*", produces = "application/json")
    public HttpResponse<ChatBodies.ChatReply> say(HttpRequest<?> request, @PathVariable String characterId, @Nullable @Body String body) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        CharacterId character = HttpJson.parsed("characterId", characterId, CharacterId::new);
        String text = HttpJson.text(HttpJson.parseObject(body), "text");
        return switch (chat.say(new ChatWithCharacter.Command(caller, character, text))) {
            case ChatWithCharacter.Replied replied ->
                    HttpJson.body(ChatBodies.ChatReply.of(replied.said(), replied.reply(), replied.fellBack()));
            case ChatWithCharacter.Limited limited -> throw ApiException.rateLimited(
                    "too many messages to characters; slow down", limited.retryAfter());
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Get(produces = "application/json")
    public HttpResponse<ChatBodies.ChatHistory> history(HttpRequest<?> request, @PathVariable String characterId,
            @QueryValue Optional<String> cursor, @QueryValue Optional<String> limit) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        CharacterId character = HttpJson.parsed("characterId", characterId, CharacterId::new);
        int size = HttpJson.pageSize(limit, 50, MAX_PAGE);
        ChatStore.ChatPage page = PageCursors.read("cursor", cursor,
                from -> chat.history(caller, character, from, size));
        return HttpJson.body(new ChatBodies.ChatHistory(character.value(),
                page.turns().stream().map(ChatBodies.ChatTurnItem::of).toList(),
                PageCursors.text(page.next()).orElse(null), true));
    }
}
