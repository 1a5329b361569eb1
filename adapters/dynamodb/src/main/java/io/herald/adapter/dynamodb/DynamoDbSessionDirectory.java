package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Teams, rosters and arrivals. A team is two items written in one transaction, the code ({@code TEAM#{code}}) and
 * the session's meta item, so a taken code is refused atomically and a session never lacks its team.
 */
public final class DynamoDbSessionDirectory implements SessionDirectory {
    private static final String TEAM_CODE = "teamCode";
    private static final String SESSION_ID = "sessionId";
    private static final String MODE = "mode";
    private static final String TRAVEL_MODE = "travelMode";
    private static final String PLAYER_ID = "playerId";
    private static final String NAME = "playerName";
    private static final String STATUS = "status";

    private final DynamoDbTable table;

    public DynamoDbSessionDirectory(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public boolean createTeam(Team team) {
        try {
            table.call("create team", () -> table.client().transactWriteItems(b -> b.transactItems(
                    put(teamItem(team, TableLayout.teamPartition(team.code()), TableLayout.TEAM)),
                    put(teamItem(team, TableLayout.sessionPartition(team.session()), TableLayout.META)))));
            return true;
        } catch (TransactionCanceledException e) {
            boolean taken = e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (!taken) {
                throw e;
            }
            // A retry may run into our own earlier write whose answer was lost: then the team is ours after all.
            return findTeam(team.code()).filter(team::equals).isPresent();
        }
    }

    private software.amazon.awssdk.services.dynamodb.model.TransactWriteItem put(Map<String, AttributeValue> item) {
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p
                .tableName(table.name())
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))).build();
    }

    @Override
    public Optional<Team> findTeam(TeamCode code) {
        return table.get(TableLayout.teamPartition(code), TableLayout.TEAM).map(DynamoDbSessionDirectory::teamFrom);
    }

    @Override
    public Optional<Team> teamOf(SessionId session) {
        return table.get(TableLayout.sessionPartition(session), TableLayout.META).map(DynamoDbSessionDirectory::teamFrom);
    }

    @Override
    public void addPlayer(SessionId session, SessionPlayer player) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableLayout.sessionPartition(session),
                TableLayout.playerSort(player.id())));
        item.put(PLAYER_ID, s(player.id().value()));
        item.put(NAME, s(player.name()));
        item.put(STATUS, s(player.status().name()));
        table.call("add player", () -> table.client().putItem(b -> b.tableName(table.name()).item(item)));
    }

    @Override
    public List<SessionPlayer> roster(SessionId session) {
        return table.queryPrefix(TableLayout.sessionPartition(session), TableLayout.PLAYER_PREFIX,
                DynamoDbSessionDirectory::playerFrom);
    }

    @Override
    public Optional<SessionPlayer> player(SessionId session, PlayerId player) {
        return table.get(TableLayout.sessionPartition(session), TableLayout.playerSort(player))
                .map(DynamoDbSessionDirectory::playerFrom);
    }

    private static SessionPlayer playerFrom(Map<String, AttributeValue> item) {
        return new SessionPlayer(new PlayerId(item.get(PLAYER_ID).s()), item.get(NAME).s(),
                PlayerStatus.valueOf(item.get(STATUS).s()));
    }

    @Override
    public void recordArrival(SessionId session, PlayerId player, ObjectId objectId) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableLayout.sessionPartition(session),
                TableLayout.arrivalPrefix(objectId.value()) + player.value()));
        item.put(PLAYER_ID, s(player.value()));
        table.call("record arrival", () -> table.client().putItem(b -> b.tableName(table.name()).item(item)));
    }

    @Override
    public Set<PlayerId> arrivals(SessionId session, ObjectId objectId) {
        return new LinkedHashSet<>(table.queryPrefix(TableLayout.sessionPartition(session), TableLayout.arrivalPrefix(objectId.value()),
                item -> new PlayerId(item.get(PLAYER_ID).s())));
    }

    private static Map<String, AttributeValue> teamItem(Team team, String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(TEAM_CODE, s(team.code().value()));
        item.put(SESSION_ID, s(team.session().value()));
        item.put(MODE, s(team.mode().name()));
        item.put(TRAVEL_MODE, s(team.travelMode().name()));
        return item;
    }

    private static Team teamFrom(Map<String, AttributeValue> item) {
        return new Team(new TeamCode(item.get(TEAM_CODE).s()), new SessionId(item.get(SESSION_ID).s()),
                TeamMode.valueOf(item.get(MODE).s()), TravelMode.valueOf(item.get(TRAVEL_MODE).s()));
    }
}
