package io.herald.application;

import io.herald.domain.Refusal;
import java.util.Objects;

/** The one shape of "no" every use case answers with, so each edge maps a refusal to its error the same way. */
public record Refused(Refusal refusal) implements JoinTeam.Outcome, JoinSession.Outcome,
        RecordGameEvent.Outcome, AcknowledgeMessage.Outcome, DescribeSession.Outcome, RelayPlayerState.Outcome,
        CreateRoom.Outcome, JoinRoom.Outcome, GuildMembers.Outcome, SendRoomMessage.Outcome, SubscribeRoom.Outcome,
        RoomHistory.Outcome, Notify.Outcome, PlayerNotifications.Outcome, RelayVoice.Outcome,
        ChatWithCharacter.Outcome, CharacterConversation.Outcome {
    public Refused {
        Objects.requireNonNull(refusal, "refusal");
    }
}
