package ecsvpce.testing;

import ecsvpce.template.SamTemplate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The ledger table on moto, made as template.yaml declares {@code LedgerTable} (keys, index, billing,
 * TTL), so the integration tests write to the table the stack deploys.
 */
public final class LedgerTableFixture {
    private LedgerTableFixture() {
    }

    /** Creates the table {@code name}; returns its name. */
    @SuppressWarnings("unchecked")
    public static String create(String name) {
        Map<String, Object> table = SamTemplate.load().properties("LedgerTable");
        List<Map<String, Object>> attributes = (List<Map<String, Object>>) table.get("AttributeDefinitions");
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
        Map<String, Object> ttl = (Map<String, Object>) table.get("TimeToLiveSpecification");
        FixtureClients.dynamoDb().createTable(r -> r.tableName(name).billingMode(String.valueOf(table.get("BillingMode")))
                .attributeDefinitions(attributes.stream().map(a -> AttributeDefinition.builder()
                        .attributeName(String.valueOf(a.get("AttributeName"))).attributeType(String.valueOf(a.get("AttributeType")))
                        .build()).toList())
                .keySchema(keys((List<Map<String, Object>>) table.get("KeySchema")))
                .globalSecondaryIndexes(indexes.stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(String.valueOf(index.get("IndexName")))
                        .keySchema(keys((List<Map<String, Object>>) index.get("KeySchema")))
                        .projection(Projection.builder().projectionType(String.valueOf(
                                ((Map<String, Object>) index.get("Projection")).get("ProjectionType"))).build())
                        .build()).toList()));
        FixtureClients.dynamoDb().updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(spec -> spec
                .attributeName(String.valueOf(ttl.get("AttributeName"))).enabled((Boolean) ttl.get("Enabled"))));
        return name;
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        return schema.stream().map(key -> KeySchemaElement.builder().attributeName(String.valueOf(key.get("AttributeName")))
                .keyType(String.valueOf(key.get("KeyType"))).build()).toList();
    }
}
