package ecsvpce.core.plan;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTaskIn;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.SECOND_VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.FindingCode;
import ecsvpce.core.fixtures.Rules;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.SecurityGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product's own endpoint group: reused, widened to new VPC blocks, attached; another's never touched. */
class OurSecurityGroupTest {
    private static final String OUR_GROUP = "sg-0ours";
    private static final Map<String, String> OUR_TAGS = ResourceTags.forCreation("sweep", Instant.parse("2024-04-01T00:00:00Z"));

    private static SecurityGroup ourGroup(Map<String, String> tags, String... httpsFrom) {
        return Snapshots.group(OUR_GROUP, Planner.ENDPOINT_GROUP_NAME,
                List.of(httpsFrom).stream().map(Rules::tcp443FromCidr).toList(), tags);
    }

    @Test
    void anExistingGroupOfOursIsReusedNotCreatedTwice() {
        NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS)
                .group(ourGroup(OUR_TAGS, VPC_CIDR)).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(CreateInterfaceEndpoint.class, c -> {
            assertThat(c.group()).isEqualTo(EndpointGroup.existing(OUR_GROUP, Planner.ENDPOINT_GROUP_NAME));
            assertThat(c.describe()).endsWith("with private DNS and security group " + OUR_GROUP);
        });
    }

    @Test
    void ourGroupMissingAVpcCidrIsWidenedToItFirst() {
        NetworkSnapshot snapshot = isolatedSeedVpc().cidrBlocks(VPC_CIDR, SECOND_VPC_CIDR).withoutEndpoint(LOGS)
                .group(ourGroup(OUR_TAGS, VPC_CIDR)).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).extracting(Action::type)
                .containsExactly(ActionType.AUTHORIZE_HTTPS_INGRESS, ActionType.CREATE_INTERFACE_ENDPOINT);
        assertThat(plan.actions().get(0)).isEqualTo(new AuthorizeHttpsIngress(OUR_GROUP, List.of(SECOND_VPC_CIDR)));
    }

    @Test
    void aGroupWithOurNameButNotOurTagIsNeitherUsedNorWidened() {
        NetworkSnapshot snapshot = isolatedSeedVpc().cidrBlocks(VPC_CIDR, SECOND_VPC_CIDR).withoutEndpoint(LOGS)
                .group(ourGroup(Map.of("Name", "someone-elses"), VPC_CIDR)).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.unfixed()).extracting(Finding::code, Finding::service)
                .containsExactly(tuple(FindingCode.ENDPOINT_MISSING, LOGS));
        assertThat(plan.heldBack()).singleElement().satisfies(held -> {
            assertThat(held.reason()).isEqualTo(HeldBack.Reason.FOREIGN_GROUP);
            assertThat(held.explanation()).contains(OUR_GROUP).contains("not tagged");
        });
    }

    @Test
    void ourGroupCoveringEveryCidrIsNotWidened() {
        NetworkSnapshot snapshot = isolatedSeedVpc().cidrBlocks(VPC_CIDR, SECOND_VPC_CIDR).withoutEndpoint(LOGS)
                .group(ourGroup(OUR_TAGS, "10.0.0.0/8", SECOND_VPC_CIDR)).build();

        assertThat(plan(snapshot, diagnoseSeedTask(snapshot)).actions()).extracting(Action::type)
                .containsExactly(ActionType.CREATE_INTERFACE_ENDPOINT);
    }

    @Test
    void anEndpointWhoseGroupsBlock443GetsOurGroupAttached() {
        NetworkSnapshot snapshot = isolatedSeedVpc().group(ourGroup(OUR_TAGS, VPC_CIDR))
                .group(Snapshots.group("sg-0closed", "closed", List.of(), Map.of()))
                .endpoint(ECR_API, e -> e.groups("sg-0closed")).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).containsExactly(new AttachSecurityGroup(endpointId(ECR_API), ECR_API,
                EndpointGroup.existing(OUR_GROUP, Planner.ENDPOINT_GROUP_NAME)));
        assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("0");
    }

    @Test
    void ourGroupAlreadyOnTheEndpointIsWidenedNotAttachedAgain() {
        NetworkSnapshot snapshot = isolatedSeedVpc().cidrBlocks(VPC_CIDR, "10.1.0.0/16")
                .subnet("subnet-0new", Snapshots.TASK_AZ, "10.1.5.0/24", ROUTE_TABLE)
                .endpointGroupIngress(Rules.tcp443FromCidr(VPC_CIDR), Rules.tcp443FromCidr("10.1.0.0/16"))
                .group(ourGroup(OUR_TAGS, VPC_CIDR))
                .endpoint(ECR_API, e -> e.groups(OUR_GROUP)).build();

        Plan plan = plan(snapshot, diagnoseSeedTaskIn("subnet-0new", snapshot));

        assertThat(plan.actions()).containsExactly(new AuthorizeHttpsIngress(OUR_GROUP, List.of("10.1.0.0/16")));
    }

    @Test
    void noGroupWhenNothingNeedsOne() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(LOGS).withoutEndpoint(S3).build();

        assertThat(plan(snapshot, diagnoseSeedTask(snapshot)).actions()).extracting(Action::type)
                .containsExactly(ActionType.ENABLE_PRIVATE_DNS, ActionType.CREATE_GATEWAY_ENDPOINT);
    }
}
