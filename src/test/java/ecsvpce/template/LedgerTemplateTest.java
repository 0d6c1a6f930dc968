package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger table in template.yaml: what issue 20 asks of it, and who may do what with it. */
class LedgerTemplateTest {
    private static final Map<String, Object> TABLE_ARN = Map.of("Fn::GetAtt", List.of("LedgerTable", "Arn"));

    private final SamTemplate template = SamTemplate.load();

    @Test
    void anOnDemandEncryptedTableWhoseItemsExpireThroughTtl() {
        assertThat(template.resource("LedgerTable")).containsEntry("Type", "AWS::DynamoDB::Table");
        Map<String, Object> table = template.properties("LedgerTable");
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .doesNotContainKeys("TableName", "ProvisionedThroughput");
        assertThat(table.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat((List<?>) table.get("GlobalSecondaryIndexes")).singleElement().satisfies(index -> {
            assertThat(((Map<?, ?>) index).get("IndexName")).isEqualTo("listing");
            assertThat(((Map<?, ?>) index).get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
        });
    }

    @Test
    void everyFunctionIsGivenTheTableAndTheRetention() {
        assertThat(template.functionGlobals().get("Environment")).asString().contains("LEDGER_TABLE_NAME={Ref=LedgerTable}",
                "LEDGER_RETENTION_DAYS={Ref=LedgerRetentionDays}");
        assertThat(template.parameter("LedgerRetentionDays")).containsEntry("Default", 400).containsEntry("MinValue", 1)
                .containsEntry("MaxValue", 3650);
    }

    @Test
    void dynamoDbActionsOnlyOnTheTableAndOnlyTheSweepOnItsIndex() {
        for (String function : template.functionIds()) {
            List<SamTemplate.Statement> ledger = template.policyStatements(function).stream()
                    .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))).toList();
            if (function.equals("CheckFunction")) {
                assertThat(ledger).as("the check before a deploy tells nobody and keeps no record").isEmpty();
                continue;
            }
            assertThat(ledger).as(function).isNotEmpty().allSatisfy(statement ->
                    assertThat(statement.actions()).allMatch(a -> a.startsWith("dynamodb:")));
            assertThat(ledger).as(function).filteredOn(s -> s.resources().equals(List.of(TABLE_ARN)))
                    .singleElement().satisfies(s -> assertThat(s.actions()).containsExactly("dynamodb:PutItem", "dynamodb:Query"));
            List<SamTemplate.Statement> index = ledger.stream().filter(s -> !s.resources().equals(List.of(TABLE_ARN))).toList();
            if (function.equals("SweepFunction")) {
                assertThat(index).singleElement().satisfies(s -> {
                    assertThat(s.actions()).containsExactly("dynamodb:Query");
                    assertThat(s.resources()).containsExactly(Map.of("Fn::Sub", "${LedgerTable.Arn}/index/*"));
                });
            } else {
                assertThat(index).as(function).isEmpty();
            }
        }
    }
}
