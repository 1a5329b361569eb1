package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.adapter.wire.DomainJson;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConversationLine;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answers of a player's chat with a character and of conversations between characters. A turn has exactly the
 * fields the WebSocket pushes for it ({@link DomainJson#chatTurn}), which a test holds it to; a line's
 * {@code llmInteractionId} is {@code null} when no model said it, never left out.
 */
final class ChatBodies {
    private static final String ALWAYS_TRUE = ResponseBodies.ALWAYS_TRUE;
    private static final String MODEL_CALL = "the model call that wrote it; null when none did";

    private ChatBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ChatTurn", description = "The fields of the chat_message frame",
            requiredProperties = {"turnId", "characterId", "role", "text", "createdAt", "llmInteractionId"})
    public record ChatTurnItem(String turnId, String characterId,
            @Schema(allowableValues = {"player", "character"}) String role, String text,
            @Schema(format = "date-time") String createdAt,
            @Schema(nullable = true, description = MODEL_CALL) String llmInteractionId) {

        static ChatTurnItem of(ChatTurn turn) {
            return new ChatTurnItem(turn.id(), turn.character().value(),
                    turn.role() == ChatTurn.Role.PLAYER ? "player" : "character", turn.text().value(),
                    HttpJson.timestamp(turn.at()), turn.llmInteractionId().orElse(null));
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ChatReply", description = "What the player said and what the character answered",
            requiredProperties = {"fellBack", "said", "reply", "success"})
    public record ChatReply(@Schema(description = "the model did not answer in time: the reply is a stock one")
            boolean fellBack, ChatTurnItem said, ChatTurnItem reply,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static ChatReply of(ChatTurn said, ChatTurn reply, boolean fellBack) {
            return new ChatReply(fellBack, ChatTurnItem.of(said), ChatTurnItem.of(reply), true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ChatHistory", description = "A page of a player's chat with a character, newest first",
            requiredProperties = {"characterId", "turns", "success"})
    public record ChatHistory(String characterId, List<ChatTurnItem> turns,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = ResponseBodies.MORE) String nextCursor,
            @Schema(description = ALWAYS_TRUE) boolean success) {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConversationLine", requiredProperties = {"index", "characterId", "text", "createdAt",
        "llmInteractionId"})
    public record ConversationLineItem(@Schema(description = "from 0, in the order said") int index,
            @Schema(description = "who said it") String characterId, String text,
            @Schema(format = "date-time") String createdAt,
            @Schema(nullable = true, description = MODEL_CALL) String llmInteractionId) {

        static ConversationLineItem of(ConversationLine line) {
            return new ConversationLineItem(line.index(), line.speaker().value(), line.text().value(),
                    HttpJson.timestamp(line.at()), line.llmInteractionId().orElse(null));
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ConversationLines", description = "A conversation between characters, line by line",
            requiredProperties = {"conversationId", "lines", "success"})
    public record ConversationLines(String conversationId, List<ConversationLineItem> lines,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static ConversationLines of(String conversationId, List<ConversationLine> lines) {
            return new ConversationLines(conversationId, lines.stream().map(ConversationLineItem::of).toList(), true);
        }
    }
}
