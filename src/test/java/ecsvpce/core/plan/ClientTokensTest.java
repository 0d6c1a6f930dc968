package ecsvpce.core.plan;

import static ecsvpce.core.fixtures.CheckedCore.TAGS;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTaskIn;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.fixtures.CheckedCore;
import ecsvpce.core.network.NetworkSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client tokens: the same create gets the same token from every racer, whatever else differs. */
class ClientTokensTest {
    private static final Map<String, String> OUR_TAGS = ResourceTags.forCreation("sweep", Instant.parse("2024-04-01T00:00:00Z"));

    @Test
    void tokensAreDeterministicWhateverTheTagsOrTheOrderOfDiagnoses() {
        NetworkSnapshot snapshot = isolatedEmptyVpc().withSubnetC().build();
        List<Diagnosis> diagnoses = List.of(diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_C, snapshot));

        Plan first = Planner.plan(snapshot, diagnoses, PlanSettings.defaults(), TAGS);
        Plan second = Planner.plan(snapshot, List.of(diagnoses.get(1), diagnoses.get(0)), PlanSettings.defaults(), OUR_TAGS);
        CheckedCore.assertPlanIsSafe(first, snapshot, PlanSettings.defaults());
        CheckedCore.assertPlanIsSafe(second, snapshot, PlanSettings.defaults());

        assertThat(tokens(second)).isEqualTo(tokens(first)).hasSize(6).doesNotHaveDuplicates();
        assertThat(tokens(first)).allSatisfy(token -> assertThat(token).hasSizeLessThanOrEqualTo(64)
                .matches("[A-Za-z0-9-]+"));
    }

    private List<String> tokens(Plan plan) {
        return plan.actions().stream().map(a -> a instanceof CreateInterfaceEndpoint c ? c.clientToken()
                : a instanceof CreateGatewayEndpoint g ? g.clientToken() : null)
                .filter(t -> t != null).toList();
    }

    @Test
    void aTokenDependsOnVpcServiceAndTypeOnly() {
        String token = IdempotencyToken.forEndpoint(VPC_ID, "com.amazonaws.ap-northeast-1.logs", "Interface");

        assertThat(IdempotencyToken.forEndpoint(VPC_ID, "com.amazonaws.ap-northeast-1.logs", "Interface"))
                .isEqualTo(token);
        assertThat(token).hasSizeLessThanOrEqualTo(64).isASCII();
        assertThat(List.of(
                IdempotencyToken.forEndpoint("vpc-0other", "com.amazonaws.ap-northeast-1.logs", "Interface"),
                IdempotencyToken.forEndpoint(VPC_ID, "com.amazonaws.ap-northeast-1.ssm", "Interface"),
                IdempotencyToken.forEndpoint(VPC_ID, "com.amazonaws.ap-northeast-1.logs", "Gateway")))
                .doesNotContain(token).doesNotHaveDuplicates();
    }

    /** EC2 answers a spent token with its first endpoint even once that is deleted: racers must agree on the next. */
    @Test
    void aSpentTokenIsRenewedTheSameWayByEveryRacerAndPerDeletedEndpoint() {
        String spent = IdempotencyToken.forEndpoint(VPC_ID, "com.amazonaws.ap-northeast-1.logs", "Interface");

        String renewed = IdempotencyToken.renewed(spent, "vpce-0deleted");

        assertThat(IdempotencyToken.renewed(spent, "vpce-0deleted")).isEqualTo(renewed);
        assertThat(renewed).hasSizeBetween(1, 64).matches("[A-Za-z0-9-]+")
                .isNotEqualTo(spent).isNotEqualTo(IdempotencyToken.renewed(spent, "vpce-0other"));
    }
}
