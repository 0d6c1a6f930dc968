package ecsvpce.aws;

import ecsvpce.app.port.Incident;
import ecsvpce.app.port.Ledger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger in a DynamoDB table (docs/ledger.md): partition key {@code pk}, sort key {@code sk}, the
 * index {@value #LISTING_INDEX} on {@code listing} and {@code firstFailureAt}, TTL on {@code expiresAt}.
 * Two calls only, each conditional where it writes: {@code PutItem} and {@code Query}. A claim is one
 * conditional put, so of two environments that claim at once exactly one succeeds.
 */
public final class DynamoDbLedger implements Ledger {
    static final String LISTING_INDEX = "listing";
    private static final String CLAIM = "CLAIM";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String table;

    /** @param dynamoDb built at the first call: most invocations have nothing to record */
    public DynamoDbLedger(Supplier<DynamoDbClient> dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Instant> claim(String key, Instant now, Instant since, Instant expiresAt) {
        return AwsCall.run("dynamodb:PutItem", () -> {
            try {
                dynamoDb.get().putItem(r -> r.tableName(table).item(Map.of("pk", IncidentItems.s(noticeKey(key)),
                                "sk", IncidentItems.s(CLAIM), "v", IncidentItems.n(IncidentItems.FORMAT),
                                "claimedAt", IncidentItems.n(now.toEpochMilli()),
                                "expiresAt", IncidentItems.n(expiresAt.getEpochSecond())))
                        // A claim of another format, or damaged, counts as none.
                        .conditionExpression("attribute_not_exists(pk) OR NOT attribute_type(claimedAt, :number) "
                                + "OR claimedAt <= :since")
                        .expressionAttributeValues(Map.of(":number", IncidentItems.s("N"),
                                ":since", IncidentItems.n(since.toEpochMilli())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return Optional.<Instant>empty();
            } catch (ConditionalCheckFailedException claimed) {
                AttributeValue at = claimed.hasItem() ? claimed.item().get("claimedAt") : null;
                return Optional.of(at == null || at.n() == null ? now : Instant.ofEpochMilli(Long.parseLong(at.n())));
            }
        });
    }

    @Override
    public void release(String key, Instant claimedAt) {
        AwsCall.run("dynamodb:PutItem", () -> {
            try {
                return dynamoDb.get().putItem(r -> r.tableName(table).item(Map.of("pk", IncidentItems.s(noticeKey(key)),
                                "sk", IncidentItems.s(CLAIM), "v", IncidentItems.n(IncidentItems.FORMAT),
                                "claimedAt", IncidentItems.n(0), "expiresAt", IncidentItems.n(claimedAt.getEpochSecond())))
                        .conditionExpression("claimedAt = :mine")
                        .expressionAttributeValues(Map.of(":mine", IncidentItems.n(claimedAt.toEpochMilli()))));
            } catch (ConditionalCheckFailedException claimedAgain) {
                return null;
            }
        });
    }

    @Override
    public Latest latest(String vpcId) {
        // Only keys of numbered incidents: a damaged key ("INCIDENT#x") sorts after every number and
        // would otherwise stand for the latest incident, so that each new number looked taken.
        QueryResponse response = AwsCall.run("dynamodb:Query", () -> dynamoDb.get().query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :last")
                .expressionAttributeValues(Map.of(":pk", IncidentItems.s(IncidentItems.partition(vpcId)),
                        ":first", IncidentItems.s(IncidentItems.sortKey(1)),
                        ":last", IncidentItems.s(IncidentItems.sortKey(IncidentItems.LAST_SEQUENCE))))
                // Strongly consistent: the next write's condition is on what this read saw.
                .scanIndexForward(false).limit(1).consistentRead(true)));
        if (!response.hasItems() || response.items().isEmpty()) {
            return Latest.none();
        }
        Map<String, AttributeValue> item = response.items().get(0);
        int sequence = IncidentItems.sequence(item.get("sk") == null ? null : item.get("sk").s());
        try {
            return Latest.of(IncidentItems.incident(item));
        } catch (IllegalArgumentException unreadable) {
            return Latest.unreadable(sequence, unreadable.getMessage());
        }
    }

    @Override
    public boolean save(Incident incident, Instant expiresAt) {
        boolean created = incident.revision() == 1;
        return AwsCall.run("dynamodb:PutItem", () -> {
            try {
                dynamoDb.get().putItem(r -> {
                    r.tableName(table).item(IncidentItems.item(incident, expiresAt));
                    if (created) {
                        r.conditionExpression("attribute_not_exists(pk)");
                    } else {
                        r.conditionExpression("revision = :read")
                                .expressionAttributeValues(Map.of(":read", IncidentItems.n(incident.revision() - 1L)));
                    }
                });
                return true;
            } catch (ConditionalCheckFailedException writtenFirst) {
                return false;
            }
        });
    }

    @Override
    public Listing open() {
        return listing(IncidentItems.OPEN);
    }

    @Override
    public Listing closedIn(YearMonth month) {
        return listing("CLOSED#" + month);
    }

    private Listing listing(String listing) {
        List<Incident> incidents = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        do {
            Map<String, AttributeValue> start = next;
            QueryRequest request = QueryRequest.builder().tableName(table).indexName(LISTING_INDEX)
                    .keyConditionExpression("listing = :listing")
                    .expressionAttributeValues(Map.of(":listing", IncidentItems.s(listing)))
                    .exclusiveStartKey(start).build();
            QueryResponse page = AwsCall.run("dynamodb:Query", () -> dynamoDb.get().query(request));
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    incidents.add(IncidentItems.incident(item));
                } catch (IllegalArgumentException unreadable) {
                    AttributeValue pk = item.get("pk");
                    skipped.add((pk == null ? "an item" : pk.s()) + " " + IncidentItems.sequence(
                            item.get("sk") == null ? null : item.get("sk").s()) + ": " + unreadable.getMessage());
                }
            }
            next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (next != null);
        return new Listing(incidents, skipped);
    }

    /** Keys can be long (a sweep's names every change): the item's key is their SHA-256. */
    static String noticeKey(String key) {
        try {
            return "NOTICE#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
