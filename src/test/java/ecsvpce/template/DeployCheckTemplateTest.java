package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deployed check and the deploy gate in template.yaml: a function that may only read, and an
 * opt-in CloudFormation Lambda hook on ECS services whose role may only invoke it.
 */
class DeployCheckTemplateTest {
    private static final String CHECK = "CheckFunction";
    private static final Map<String, Object> CHECK_ALIAS = Map.of("Ref", "CheckFunction.Alias");
    private static final Map<String, Object> STACK_REGION = Map.of("Ref", "AWS::Region");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void theCheckMayReadWhatARemediationReadsAndNothingElse() {
        assertThat(template.policyActions(CHECK)).containsExactlyInAnyOrder("ecs:DescribeServices",
                "ecs:DescribeTaskDefinition", "ecs:DescribeClusters", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                "ec2:DescribeVpcAttribute", "ec2:DescribeDhcpOptions", "ec2:DescribeRouteTables",
                "ec2:DescribeVpcEndpoints", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls",
                "route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets");
        assertThat(template.policyActions(CHECK)).allSatisfy(action ->
                assertThat(action.substring(action.indexOf(':') + 1)).matches("(Describe|List)[A-Za-z]+"));
        assertThat(template.managedPolicyReferences(CHECK)).containsExactly(Map.of("Ref", "NetworkReadPermissions"));
        assertThat(template.properties(CHECK)).doesNotContainKeys("EventInvokeConfig", "Events",
                "ReservedConcurrentExecutions");
    }

    @Test
    void theCheckAnswersWithinTheHooksThirtySeconds() {
        assertThat(template.properties(CHECK).get("Handler")).isEqualTo("ecsvpce.handler.CheckFunction::handleRequest");
        assertThat((Integer) template.properties(CHECK).get("Timeout")).isLessThan(30);
        assertThat(map(template.raw().get("Outputs"), "Outputs").get("CheckFunctionArn"))
                .isEqualTo(Map.of("Description", ((Map<?, ?>) map(template.raw().get("Outputs"), "Outputs")
                        .get("CheckFunctionArn")).get("Description"), "Value", CHECK_ALIAS));
    }

    @Test
    void theGateIsOffUnlessAskedForAndWarnsOrFailsAsAsked() {
        assertThat(template.parameter("DeployGate")).containsEntry("Default", "off")
                .containsEntry("AllowedValues", List.of("off", "warn", "fail"));
        Map<String, Object> conditions = map(template.raw().get("Conditions"), "Conditions");
        assertThat(conditions.get("DeployGateOn")).isEqualTo(Map.of("Fn::Not",
                List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "DeployGate"), "off")))));
        assertThat(conditions.get("DeployGateFails")).isEqualTo(Map.of("Fn::Equals",
                List.of(Map.of("Ref", "DeployGate"), "fail")));
        for (String resource : List.of("DeployGateHook", "DeployGateHookRole")) {
            assertThat(template.resource(resource)).as(resource).containsEntry("Condition", "DeployGateOn");
        }
    }

    @Test
    void theHookCallsTheCheckBeforeEcsServicesAreCreatedOrUpdated() {
        assertThat(template.resource("DeployGateHook")).containsEntry("Type", "AWS::CloudFormation::LambdaHook");
        Map<String, Object> hook = template.properties("DeployGateHook");
        assertThat(hook).containsEntry("LambdaFunction", CHECK_ALIAS)
                .containsEntry("ExecutionRole", Map.of("Fn::GetAtt", List.of("DeployGateHookRole", "Arn")))
                .containsEntry("FailureMode", Map.of("Fn::If", List.of("DeployGateFails", "FAIL", "WARN")))
                .containsEntry("HookStatus", "ENABLED")
                .containsEntry("TargetOperations", List.of("RESOURCE"));
        assertThat(map(hook.get("TargetFilters"), "TargetFilters")).isEqualTo(Map.of("Actions", List.of("CREATE", "UPDATE"),
                "InvocationPoints", List.of("PRE_PROVISION"), "TargetNames", List.of("AWS::ECS::Service")));
        assertThat((String) hook.get("Alias")).matches("(?!(?i)aws)[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}");
    }

    @Test
    void theHooksRoleMayOnlyInvokeTheCheckAndOnlyHooksOfThisAccountMayAssumeIt() {
        Map<String, Object> role = template.properties("DeployGateHookRole");
        List<?> trust = (List<?>) map(role.get("AssumeRolePolicyDocument"), "trust").get("Statement");
        assertThat(trust).singleElement().isEqualTo(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", "hooks.cloudformation.amazonaws.com"), "Action", "sts:AssumeRole",
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))));
        List<?> policies = (List<?>) role.get("Policies");
        assertThat(policies).singleElement().satisfies(policy -> {
            List<?> statements = (List<?>) map(map(policy, "policy").get("PolicyDocument"), "document").get("Statement");
            assertThat(statements).singleElement().satisfies(statement -> {
                assertThat(map(statement, "statement")).containsEntry("Effect", "Allow")
                        .containsEntry("Action", List.of("lambda:InvokeFunction")).containsEntry("Resource", CHECK_ALIAS);
            });
        });
        assertThat(role).doesNotContainKeys("ManagedPolicyArns", "RoleName");
    }

    @Test
    void everyStatementOfTheCheckStaysInTheStackRegionButRoute53Reads() {
        assertThat(template.policyStatements(CHECK))
                .filteredOn(s -> !s.actions().stream().allMatch(a -> a.startsWith("route53:List")))
                .allSatisfy(s -> assertThat(s.condition("StringEquals", "aws:RequestedRegion")).isEqualTo(STACK_REGION));
        assertThat(Set.copyOf(template.functionIds())).contains(CHECK);
    }
}
