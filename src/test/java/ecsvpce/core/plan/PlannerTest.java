package ecsvpce.core.plan;

import static ecsvpce.core.EndpointService.ECR_API;
import static ecsvpce.core.EndpointService.LOGS;
import static ecsvpce.core.EndpointService.S3;
import static ecsvpce.core.EndpointService.SECRETSMANAGER;
import static ecsvpce.core.EndpointService.SSM;
import static ecsvpce.core.fixtures.CheckedCore.TAGS;
import static ecsvpce.core.fixtures.CheckedCore.USD_PER_AZ_MONTH;
import static ecsvpce.core.fixtures.CheckedCore.actionsOf;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTask;
import static ecsvpce.core.fixtures.CheckedCore.diagnoseSeedTaskIn;
import static ecsvpce.core.fixtures.CheckedCore.onlyAction;
import static ecsvpce.core.fixtures.CheckedCore.plan;
import static ecsvpce.core.fixtures.Snapshots.MAIN_ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE;
import static ecsvpce.core.fixtures.Snapshots.ROUTE_TABLE_C;
import static ecsvpce.core.fixtures.Snapshots.SECOND_VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_A2;
import static ecsvpce.core.fixtures.Snapshots.SUBNET_C;
import static ecsvpce.core.fixtures.Snapshots.TASK_SUBNET;
import static ecsvpce.core.fixtures.Snapshots.VPC_CIDR;
import static ecsvpce.core.fixtures.Snapshots.VPC_ID;
import static ecsvpce.core.fixtures.Snapshots.endpointId;
import static ecsvpce.core.fixtures.Snapshots.isolatedEmptyVpc;
import static ecsvpce.core.fixtures.Snapshots.isolatedSeedVpc;
import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.core.EndpointService;
import ecsvpce.core.EndpointType;
import ecsvpce.core.fixtures.CheckedCore;
import ecsvpce.core.fixtures.Snapshots;
import ecsvpce.core.network.NetworkSnapshot;
import ecsvpce.core.network.Route;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The part 4: the ordered actions that fix the blocking findings of one VPC, and nothing more. */
class PlannerTest {
    private static final Map<String, String> OUR_TAGS = ResourceTags.forCreation("sweep", Instant.parse("2024-04-01T00:00:00Z"));

    @Test
    void theSeedsExactFailureIsOneModifyAndNoCreate() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER).build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).containsExactly(new EnablePrivateDns(endpointId(SECRETSMANAGER), SECRETSMANAGER));
        assertThat(plan.unfixed()).isEmpty();
        assertThat(plan.heldBack()).isEmpty();
        assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("0");
    }

    @Test
    void aHealthyVpcGetsNoActions() {
        NetworkSnapshot snapshot = isolatedSeedVpc().build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unfixed()).isEmpty();
    }

    @Test
    void onlyOneOfTwoEndpointsOfAServiceGetsPrivateDnsAndNoneIsCreated() {
        NetworkSnapshot snapshot = isolatedSeedVpc().privateDnsOff(SECRETSMANAGER)
                .endpoint("vpce-zz-secretsmanager", SECRETSMANAGER, EndpointType.INTERFACE, e -> e.privateDns(false))
                .build();

        Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

        assertThat(plan.actions()).containsExactly(new EnablePrivateDns(endpointId(SECRETSMANAGER), SECRETSMANAGER));
    }

    @Nested
    class Order {
        @Test
        void dnsAttributesThenEndpointFixesThenTheGroupThenCreates() {
            NetworkSnapshot snapshot = isolatedSeedVpc().dnsSupport(false).dnsHostnames(false)
                    .privateDnsOff(LOGS)
                    .endpoint(S3, e -> e.routeTables("rtb-0other"))
                    .group(Snapshots.group("sg-0closed", "closed", List.of(), Map.of()))
                    .endpoint(SSM, e -> e.groups("sg-0closed"))
                    .withoutEndpoint(SECRETSMANAGER).withoutEndpoint(ECR_API)
                    .build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(plan.actions()).extracting(Action::type).containsExactly(
                    ActionType.ENABLE_VPC_DNS_ATTRIBUTE, ActionType.ENABLE_VPC_DNS_ATTRIBUTE,
                    ActionType.ENABLE_PRIVATE_DNS, ActionType.ADD_ROUTE_TABLE_TO_GATEWAY,
                    ActionType.CREATE_ENDPOINT_SECURITY_GROUP, ActionType.ATTACH_SECURITY_GROUP,
                    ActionType.CREATE_INTERFACE_ENDPOINT, ActionType.CREATE_INTERFACE_ENDPOINT);
            assertThat(plan.actions().subList(0, 5)).containsExactly(
                    new EnableVpcDnsAttribute(VPC_ID, VpcDnsAttribute.ENABLE_DNS_SUPPORT),
                    new EnableVpcDnsAttribute(VPC_ID, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
                    new EnablePrivateDns(endpointId(LOGS), LOGS),
                    new AddRouteTableToGateway("vpce-s3", S3, ROUTE_TABLE),
                    new CreateEndpointSecurityGroup(VPC_ID, Planner.ENDPOINT_GROUP_NAME, List.of(VPC_CIDR), TAGS));
            assertThat(plan.actions().get(5)).isEqualTo(
                    new AttachSecurityGroup(endpointId(SSM), SSM, EndpointGroup.createdByPlan(Planner.ENDPOINT_GROUP_NAME)));
            assertThat(actionsOf(plan, CreateInterfaceEndpoint.class)).extracting(CreateInterfaceEndpoint::service)
                    .containsExactly(ECR_API, SECRETSMANAGER);
            assertThat(plan.actions().subList(0, 2)).extracting(Action::describe).containsExactly(
                    "set enableDnsSupport=true on " + VPC_ID, "set enableDnsHostnames=true on " + VPC_ID);
            assertThat(plan.unfixed()).isEmpty();
        }

        @Test
        void gatewayCreatesComeAfterInterfaceCreates() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(S3).withoutEndpoint(LOGS).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(plan.actions()).extracting(Action::type).containsExactly(
                    ActionType.CREATE_ENDPOINT_SECURITY_GROUP, ActionType.CREATE_INTERFACE_ENDPOINT,
                    ActionType.CREATE_GATEWAY_ENDPOINT);
        }

        @Test
        void actionTypesAreDeclaredInApplyOrder() {
            assertThat(ActionType.values()).containsExactly(ActionType.ENABLE_VPC_DNS_ATTRIBUTE,
                    ActionType.ENABLE_PRIVATE_DNS, ActionType.ADD_ROUTE_TABLE_TO_GATEWAY,
                    ActionType.CREATE_ENDPOINT_SECURITY_GROUP, ActionType.AUTHORIZE_HTTPS_INGRESS,
                    ActionType.ATTACH_SECURITY_GROUP, ActionType.CREATE_INTERFACE_ENDPOINT,
                    ActionType.CREATE_GATEWAY_ENDPOINT);
        }
    }

    @Nested
    class Creates {
        @Test
        void aMissingInterfaceEndpointIsCreatedInTheTasksSubnetWithOurGroup() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(SECRETSMANAGER).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            CreateEndpointSecurityGroup group = onlyAction(plan, CreateEndpointSecurityGroup.class);
            assertThat(group.httpsFromCidrs()).containsExactly(VPC_CIDR);
            assertThat(group.tags()).isEqualTo(TAGS);
            CreateInterfaceEndpoint create = onlyAction(plan, CreateInterfaceEndpoint.class);
            assertThat(create.vpcId()).isEqualTo(VPC_ID);
            assertThat(create.service()).isEqualTo(SECRETSMANAGER);
            assertThat(create.serviceName()).isEqualTo("com.amazonaws.ap-northeast-1.secretsmanager");
            assertThat(create.subnetIds()).containsExactly(TASK_SUBNET);
            assertThat(create.group()).isEqualTo(EndpointGroup.createdByPlan(Planner.ENDPOINT_GROUP_NAME));
            assertThat(create.tags()).isEqualTo(TAGS);
            assertThat(create.clientToken()).isEqualTo(IdempotencyToken.forEndpoint(VPC_ID,
                    "com.amazonaws.ap-northeast-1.secretsmanager", "Interface"));
            assertThat(create.monthlyCostUsd()).isEqualByComparingTo(USD_PER_AZ_MONTH);
            assertThat(create.describe()).isEqualTo("create secretsmanager interface endpoint (com.amazonaws.ap-northeast-1"
                    + ".secretsmanager) in [" + TASK_SUBNET + "] with private DNS and security group "
                    + Planner.ENDPOINT_GROUP_NAME + " (created by this plan)");
            assertThat(plan.actions()).hasSize(2);
        }

        @Test
        void theGroupAdmitsHttpsFromEveryVpcCidrBlockAndNothingElse() {
            NetworkSnapshot snapshot = isolatedEmptyVpc().cidrBlocks(VPC_CIDR, SECOND_VPC_CIDR).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(onlyAction(plan, CreateEndpointSecurityGroup.class).httpsFromCidrs())
                    .containsExactly(VPC_CIDR, SECOND_VPC_CIDR);
            assertThat(actionsOf(plan, CreateInterfaceEndpoint.class)).hasSize(5);
            assertThat(onlyAction(plan, CreateGatewayEndpoint.class).routeTableIds()).containsExactly(ROUTE_TABLE);
        }

        @Test
        void aMissingS3GatewayIsCreatedOnTheSubnetsRouteTableForFree() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(S3).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            CreateGatewayEndpoint create = onlyAction(plan, CreateGatewayEndpoint.class);
            assertThat(plan.actions()).containsExactly(create);
            assertThat(create.serviceName()).isEqualTo("com.amazonaws.ap-northeast-1.s3");
            assertThat(create.routeTableIds()).containsExactly(ROUTE_TABLE);
            assertThat(create.tags()).isEqualTo(TAGS);
            assertThat(create.clientToken()).isEqualTo(IdempotencyToken.forEndpoint(VPC_ID,
                    "com.amazonaws.ap-northeast-1.s3", "Gateway"));
            assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("0");
        }

        @Test
        void aSubnetOnTheMainRouteTableGetsTheGatewayOnTheMainTable() {
            NetworkSnapshot snapshot = isolatedSeedVpc().onMainRouteTable(TASK_SUBNET).withoutEndpoint(S3).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(onlyAction(plan, CreateGatewayEndpoint.class).routeTableIds()).containsExactly(MAIN_ROUTE_TABLE);
        }

        @Test
        void aSubnetOnTheMainRouteTableGetsTheMainTableAddedToTheExistingGateway() {
            NetworkSnapshot snapshot = isolatedSeedVpc().onMainRouteTable(TASK_SUBNET).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(plan.actions()).containsExactly(new AddRouteTableToGateway("vpce-s3", S3, MAIN_ROUTE_TABLE));
            assertThat(plan.actions().get(0).describe()).as("docs/endpoint-pitfalls.md: say that S3 connections may drop")
                    .contains("interrupted");
        }

        @Test
        void anS3InterfaceEndpointIsLeftAloneAndTheGatewayCreated() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(S3)
                    .endpoint("vpce-s3-interface", S3, EndpointType.INTERFACE, e -> { }).build();

            Plan plan = plan(snapshot, diagnoseSeedTask(snapshot));

            assertThat(plan.actions()).singleElement().isInstanceOf(CreateGatewayEndpoint.class);
        }

        @Test
        void everyCreateIsTaggedWithTheTagsGiven() {
            NetworkSnapshot snapshot = isolatedEmptyVpc().build();

            Plan plan = Planner.plan(snapshot, List.of(diagnoseSeedTask(snapshot)), PlanSettings.defaults(), OUR_TAGS);
            CheckedCore.assertPlanIsSafe(plan, snapshot, PlanSettings.defaults());

            assertThat(plan.actions()).hasSize(7).allSatisfy(action -> assertThat(action).satisfiesAnyOf(
                    a -> assertThat(a).isInstanceOfSatisfying(CreateInterfaceEndpoint.class, c -> assertThat(c.tags()).isEqualTo(OUR_TAGS)),
                    a -> assertThat(a).isInstanceOfSatisfying(CreateGatewayEndpoint.class, c -> assertThat(c.tags()).isEqualTo(OUR_TAGS)),
                    a -> assertThat(a).isInstanceOfSatisfying(CreateEndpointSecurityGroup.class, c -> assertThat(c.tags()).isEqualTo(OUR_TAGS))));
        }
    }

    @Nested
    class Cost {
        @Test
        void sevenThirtyPerAzPerInterfaceEndpointAndNothingForGateways() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC()
                    .withoutEndpoint(LOGS).withoutEndpoint(SSM).withoutEndpoint(S3).build();

            Plan oneAz = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot));
            Plan twoAzs = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_C, snapshot));

            assertThat(oneAz.monthlyCostUsd()).isEqualByComparingTo("14.60");
            assertThat(twoAzs.monthlyCostUsd()).isEqualByComparingTo("29.20");
            assertThat(actionsOf(twoAzs, CreateInterfaceEndpoint.class)).allSatisfy(c ->
                    assertThat(c.monthlyCostUsd()).isEqualByComparingTo("14.60"));
            assertThat(onlyAction(twoAzs, CreateGatewayEndpoint.class).monthlyCostUsd()).isEqualByComparingTo("0");
        }

        @Test
        void thePricePerAzHourIsASetting() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withoutEndpoint(LOGS).build();

            Plan plan = plan(snapshot, new PlanSettings(false, new BigDecimal("0.013")), diagnoseSeedTask(snapshot));

            assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("9.49");
            assertThat(PlanSettings.defaults().interfaceEndpointUsdPerAzHour()).isEqualByComparingTo("0.01");
            assertThat(PlanSettings.defaults().remediateWithInternetPath()).isFalse();
        }
    }

    @Nested
    class Merge {
        @Test
        void twoSubnetsInTwoAzsGetOneEndpointWithOneSubnetPerAz() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().withoutEndpoint(SECRETSMANAGER).build();

            Plan plan = plan(snapshot, diagnoseSeedTaskIn(SUBNET_C, snapshot), diagnoseSeedTaskIn(TASK_SUBNET, snapshot));

            assertThat(onlyAction(plan, CreateInterfaceEndpoint.class).subnetIds()).containsExactly(TASK_SUBNET, SUBNET_C);
            assertThat(actionsOf(plan, CreateEndpointSecurityGroup.class)).hasSize(1);
            assertThat(plan.monthlyCostUsd()).isEqualByComparingTo("14.60");
        }

        @Test
        void twoSubnetsInOneAzGetOneSubnetWhateverTheOrder() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetA2().withoutEndpoint(SECRETSMANAGER).build();

            Plan ab = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_A2, snapshot));
            Plan ba = plan(snapshot, diagnoseSeedTaskIn(SUBNET_A2, snapshot), diagnoseSeedTaskIn(TASK_SUBNET, snapshot));

            assertThat(onlyAction(ab, CreateInterfaceEndpoint.class).subnetIds()).hasSize(1);
            assertThat(ba).isEqualTo(ab);
            assertThat(ab.monthlyCostUsd()).isEqualByComparingTo(USD_PER_AZ_MONTH);
        }

        @Test
        void aMissingGatewayIsCreatedOnceOnEveryRouteTable() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().withSubnetA2().withoutEndpoint(S3).build();

            Plan plan = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_C, snapshot),
                    diagnoseSeedTaskIn(SUBNET_A2, snapshot));

            assertThat(onlyAction(plan, CreateGatewayEndpoint.class).routeTableIds())
                    .containsExactlyInAnyOrder(ROUTE_TABLE, ROUTE_TABLE_C);
        }

        @Test
        void oneRouteTableAddPerTable() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().withSubnetA2()
                    .endpoint(S3, e -> e.routeTables("rtb-0other")).build();

            Plan plan = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_A2, snapshot),
                    diagnoseSeedTaskIn(SUBNET_C, snapshot));

            assertThat(plan.actions()).containsExactlyInAnyOrder(new AddRouteTableToGateway("vpce-s3", S3, ROUTE_TABLE),
                    new AddRouteTableToGateway("vpce-s3", S3, ROUTE_TABLE_C));
        }

        @Test
        void oneFixPerEndpointAndOneChangePerVpcAttribute() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().dnsHostnames(false).privateDnsOff(SSM)
                    .endpoint(S3, e -> e.routeTables(ROUTE_TABLE, ROUTE_TABLE_C)).build();

            Plan plan = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_C, snapshot));

            assertThat(plan.actions()).containsExactly(
                    new EnableVpcDnsAttribute(VPC_ID, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
                    new EnablePrivateDns(endpointId(SSM), SSM));
        }

        @Test
        void aSubnetWithAnInternetPathIsLeftOutOfTheMerge() {
            NetworkSnapshot snapshot = isolatedSeedVpc().withSubnetC().withoutEndpoint(LOGS)
                    .route(ROUTE_TABLE_C, new Route("0.0.0.0/0", null, "nat-0c", true)).build();

            Plan plan = plan(snapshot, diagnoseSeedTaskIn(TASK_SUBNET, snapshot), diagnoseSeedTaskIn(SUBNET_C, snapshot));

            assertThat(onlyAction(plan, CreateInterfaceEndpoint.class).subnetIds()).containsExactly(TASK_SUBNET);
            assertThat(plan.heldBack()).singleElement().asString().contains(SUBNET_C).contains("nat-0c");
        }
    }

    @Test
    void noKindOfActionDeletesRevokesDetachesOrTouchesAPolicy() {
        assertThat(Action.class.getPermittedSubclasses()).hasSize(ActionType.values().length).allSatisfy(kind -> {
            assertThat(kind.getSimpleName()).doesNotContainPattern("(?i)delete|revoke|detach|remove|disable|policy|replace");
            assertThat(kind.getRecordComponents()).extracting(c -> c.getName().toLowerCase())
                    .noneMatch(name -> name.contains("policy") || name.contains("port") || name.contains("protocol"));
        });
        assertThat(ActionType.values()).extracting(Enum::name)
                .noneMatch(name -> name.matches(".*(DELETE|REVOKE|DETACH|REMOVE|DISABLE|POLICY|REPLACE).*"));
    }

    @Test
    void interfaceServicesNeedInterfaceCreatesAndS3AGateway() {
        assertThat(EndpointService.values()).filteredOn(s -> s.requiredType() == EndpointType.GATEWAY).containsExactly(S3);
    }
}
