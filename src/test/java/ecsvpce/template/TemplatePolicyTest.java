package ecsvpce.template;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.app.CostSettings;
import ecsvpce.app.Settings;
import ecsvpce.core.EndpointService;
import ecsvpce.core.cost.InterfaceEndpoint;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.core.plan.ResourceTags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Permissions, runtime, configuration and failure handling of the three functions. */
class TemplatePolicyTest {
    private static final String REMEDIATE = "RemediateFunction";
    private static final String SWEEP = "SweepFunction";
    private static final String VERIFY = "VerifyFunction";
    private static final String CHECK = "CheckFunction";
    private static final Set<String> NETWORK_READS = Set.of("ecs:DescribeServices", "ec2:DescribeSubnets",
            "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeDhcpOptions", "ec2:DescribeRouteTables",
            "ec2:DescribeVpcEndpoints", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls",
            "route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets");
    /** Telling people and queuing follow-up checks. */
    private static final Set<String> REPORTING = Set.of("sns:Publish", "sqs:SendMessage", "dynamodb:PutItem",
            "dynamodb:Query");
    private static final Map<String, Object> TOPIC_IN_USE = Map.of("Fn::If",
            List.of("UseStackTopic", Map.of("Ref", "NotificationTopic"), Map.of("Ref", "NotificationTopicArn")));
    private static final String ARN_PREFIX = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:";
    private static final Map<String, Object> STACK_REGION = Map.of("Ref", "AWS::Region");

    private static final Set<String> REMEDIATE_ACTIONS = Set.of(
            "ecs:DescribeTasks", "ecs:DescribeTaskDefinition", "ecs:DescribeServices",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
            "ec2:DescribeDhcpOptions", "ec2:DescribeRouteTables", "ec2:DescribeVpcEndpoints",
            "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "route53:ListHostedZonesByVPC",
            "route53:ListResourceRecordSets", "ecs:DescribeClusters", "ec2:ModifyVpcAttribute",
            "ec2:ModifyVpcEndpoint", "ec2:CreateVpcEndpoint", "ec2:CreateSecurityGroup",
            "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags", "sns:Publish", "sqs:SendMessage", "dynamodb:PutItem",
            "dynamodb:Query");
    private static final Set<String> WRITE_ACTIONS = Set.of(
            "ec2:ModifyVpcAttribute", "ec2:ModifyVpcEndpoint", "ec2:CreateVpcEndpoint", "ec2:CreateSecurityGroup",
            "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags");

    /** The sweep's cost side: scheduled tasks, Batch on Fargate, the PrivateLink metric. */
    private static final Set<String> SWEEP_COST_READS = Set.of("events:ListEventBuses", "events:ListRuleNamesByTarget",
            "events:ListTargetsByRule", "scheduler:ListSchedules", "scheduler:GetSchedule",
            "batch:DescribeComputeEnvironments", "batch:DescribeJobDefinitions", "cloudwatch:GetMetricData");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void remediateFunctionMayCallExactlyItsActions() {
        assertThat(template.policyActions(REMEDIATE)).containsExactlyInAnyOrderElementsOf(REMEDIATE_ACTIONS);
    }

    @Test
    void sweepFunctionListsServicesInsteadOfReadingStoppedTasks() {
        Set<String> expected = new TreeSet<>(REMEDIATE_ACTIONS);
        expected.removeAll(Set.of("ecs:DescribeTasks", "ec2:DescribeNetworkInterfaces"));
        expected.addAll(Set.of("ecs:ListClusters", "ecs:ListServices"));
        expected.addAll(SWEEP_COST_READS);
        expected.addAll(Set.of("ec2:DeleteVpcEndpoints", "ec2:DeleteTags"));
        assertThat(template.policyActions(SWEEP)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Who else starts Fargate tasks, and what the endpoints processed: reads only. */
    @Test
    void theSweepsCostSideOnlyReadsBesidesItsIdleMarkAndDelete() {
        assertThat(SWEEP_COST_READS).allSatisfy(action -> assertThat(action.split(":")[1]).matches("(List|Describe|Get).*"));
        assertThat(template.policyActions(REMEDIATE)).doesNotContainAnyElementsOf(SWEEP_COST_READS)
                .doesNotContain("ec2:DeleteVpcEndpoints", "ec2:DeleteTags");
        assertThat(template.policyActions(VERIFY)).doesNotContainAnyElementsOf(SWEEP_COST_READS);
    }

    /** Deleted, marked or unmarked: only an endpoint that carries the product's tag, and only the idle mark. */
    @Test
    void idleEndpointsAreDeletedAndMarkedOnlyWhenTheyCarryTheProductsTag() {
        for (String action : List.of("ec2:DeleteVpcEndpoints", "ec2:DeleteTags")) {
            assertThat(statementsWith(SWEEP, action)).as(action).isNotEmpty().allSatisfy(statement -> {
                assertThat(statement.condition("StringEquals", "aws:ResourceTag/" + ResourceTags.CREATED_BY))
                        .isEqualTo(ResourceTags.PRODUCT);
                assertThat(statement.resources()).containsExactly(Map.of("Fn::Sub", ARN_PREFIX + "vpc-endpoint/*"));
            });
        }
        List<SamTemplate.Statement> tagging = statementsWith(SWEEP, "ec2:CreateTags").stream()
                .filter(s -> s.conditionValues("StringEquals", "ec2:CreateAction").isEmpty()).toList();
        assertThat(tagging).singleElement().satisfies(statement -> {
            assertThat(statement.condition("StringEquals", "aws:ResourceTag/" + ResourceTags.CREATED_BY))
                    .isEqualTo(ResourceTags.PRODUCT);
            assertThat(statement.conditionValues("ForAllValues:StringEquals", "aws:TagKeys"))
                    .containsExactly(InterfaceEndpoint.IDLE_SINCE);
            assertThat(statement.actions()).containsExactlyInAnyOrder("ec2:CreateTags", "ec2:DeleteTags");
        });
    }

    @Test
    void verifyFunctionReadsReportsAndMayOnlyDeployServicesAgain() {
        Set<String> expected = new TreeSet<>(NETWORK_READS);
        expected.addAll(REPORTING);
        expected.add("ecs:UpdateService");
        assertThat(template.policyActions(VERIFY)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The recovery's one write: services of this account and Region only, and only for the function that recovers. */
    @Test
    void onlyTheFollowUpCheckMayUpdateAServiceAndOnlyServicesOfThisAccountAndRegion() {
        assertThat(template.policyActions(REMEDIATE)).doesNotContain("ecs:UpdateService");
        assertThat(template.policyActions(SWEEP)).doesNotContain("ecs:UpdateService");
        assertThat(template.policyStatements(VERIFY)).filteredOn(s -> s.actions().contains("ecs:UpdateService"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.actions()).containsExactly("ecs:UpdateService");
                    assertThat(statement.resources()).containsExactly(Map.of("Fn::Sub",
                            "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:service/*"));
                    assertThat(statement.condition("StringEquals", "aws:RequestedRegion")).isEqualTo(STACK_REGION);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {REMEDIATE, SWEEP, VERIFY})
    void reportsGoOnlyToTheTopicInUseAndFollowUpsOnlyToTheVerifyQueue(String function) {
        assertThat(statementsWith(function, "sns:Publish")).singleElement().satisfies(statement -> {
            assertThat(statement.actions()).containsExactly("sns:Publish");
            assertThat(statement.resources()).containsExactly(TOPIC_IN_USE);
        });
        assertThat(statementsWith(function, "sqs:SendMessage")).singleElement().satisfies(statement -> {
            assertThat(statement.actions()).containsExactly("sqs:SendMessage");
            assertThat(statement.resources()).containsExactly(Map.of("Fn::GetAtt", List.of("VerifyQueue", "Arn")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {REMEDIATE, SWEEP, VERIFY, CHECK})
    void noActionIsAWildcard(String function) {
        assertThat(template.policyActions(function)).allSatisfy(action -> {
            assertThat(action).doesNotContain("*").doesNotContain("?");
            assertThat(action).matches("[a-z0-9-]+:[A-Za-z0-9]+");
        });
    }

    /** But publishing to the topic, whose ARN names its Region: a central topic may be in another. */
    @ParameterizedTest
    @ValueSource(strings = {REMEDIATE, SWEEP, VERIFY, CHECK})
    void everyStatementIsLimitedToTheStackRegionButReadsOfGlobalRoute53(String function) {
        assertThat(template.policyStatements(function)).filteredOn(s -> !s.actions().equals(List.of("sns:Publish")))
                .filteredOn(s -> !s.actions().stream().allMatch(a -> a.startsWith("route53:List")))
                .isNotEmpty().allSatisfy(statement ->
                        assertThat(statement.condition("StringEquals", "aws:RequestedRegion"))
                                .as("aws:RequestedRegion of %s", statement.sid()).isEqualTo(STACK_REGION));
    }

    @ParameterizedTest
    @ValueSource(strings = {REMEDIATE, SWEEP, VERIFY, CHECK})
    void onlyAllowStatements(String function) {
        assertThat(template.policyStatements(function)).extracting(SamTemplate.Statement::effect).containsOnly("Allow");
    }

    @Test
    void writesAreScopedToEc2ResourceArnsOfTheStackRegionAndAccount() {
        for (SamTemplate.Statement statement : template.policyStatements(REMEDIATE)) {
            if (statement.actions().stream().noneMatch(WRITE_ACTIONS::contains)) {
                continue;
            }
            assertThat(statement.actions()).as(statement.sid()).allMatch(WRITE_ACTIONS::contains);
            assertThat(statement.resources()).as(statement.sid()).isNotEmpty().allSatisfy(resource ->
                    assertThat(resource).isInstanceOfSatisfying(Map.class, sub ->
                            assertThat(String.valueOf(sub.get("Fn::Sub")))
                                    .matches("\\Q" + ARN_PREFIX + "\\E(vpc|subnet|route-table|security-group|vpc-endpoint)/\\*")));
        }
    }

    @Test
    void ingressOnlyOnSecurityGroupsTaggedByTheProduct() {
        List<SamTemplate.Statement> ingress = statementsWith(REMEDIATE, "ec2:AuthorizeSecurityGroupIngress");
        assertThat(ingress).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.condition("StringEquals", "aws:ResourceTag/" + ResourceTags.CREATED_BY))
                    .isEqualTo(ResourceTags.PRODUCT);
            assertThat(statement.resources()).containsExactly(Map.of("Fn::Sub", ARN_PREFIX + "security-group/*"));
        });
    }

    @Test
    void securityGroupsAreCreatedOnlyWithTheProductTag() {
        List<SamTemplate.Statement> onGroups = statementsWith(REMEDIATE, "ec2:CreateSecurityGroup").stream()
                .filter(s -> s.resources().contains(Map.of("Fn::Sub", ARN_PREFIX + "security-group/*"))).toList();
        assertThat(onGroups).isNotEmpty().allSatisfy(statement ->
                assertThat(statement.condition("StringEquals", "aws:RequestTag/" + ResourceTags.CREATED_BY))
                        .isEqualTo(ResourceTags.PRODUCT));
    }

    @Test
    void tagsOnlyWhileCreatingEndpointsAndSecurityGroups() {
        List<SamTemplate.Statement> tagging = statementsWith(REMEDIATE, "ec2:CreateTags");
        assertThat(tagging).isNotEmpty().allSatisfy(statement -> assertThat(
                statement.conditionValues("StringEquals", "ec2:CreateAction"))
                .isNotEmpty().isSubsetOf("CreateVpcEndpoint", "CreateSecurityGroup"));
    }

    @Test
    void endpointsOnlyForTheServicesATaskNeedsAtStartUp() {
        List<SamTemplate.Statement> onEndpoints = statementsWith(REMEDIATE, "ec2:CreateVpcEndpoint").stream()
                .filter(s -> s.resources().contains(Map.of("Fn::Sub", ARN_PREFIX + "vpc-endpoint/*"))).toList();
        assertThat(onEndpoints).hasSize(1);
        List<Object> allowed = onEndpoints.get(0).conditionValues("StringEquals", "ec2:VpceServiceName");
        List<Object> expected = new ArrayList<>();
        for (EndpointService service : EndpointService.values()) {
            expected.add(Map.of("Fn::Sub", "com.amazonaws.${AWS::Region}." + service.id()));
        }
        expected.add(Map.of("Fn::Sub", "cn.com.amazonaws.${AWS::Region}.ecr.dkr"));
        expected.add(Map.of("Fn::Sub", "cn.com.amazonaws.${AWS::Region}.ecr.api"));
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noManagedPolicyBeyondTheSharedOnesInThisTemplate() {
        assertThat(template.managedPolicyReferences(REMEDIATE)).containsExactly(Map.of("Ref", "NetworkReadPermissions"),
                Map.of("Ref", "RemediatorPermissions"), Map.of("Ref", "ReportPermissions"), Map.of("Ref", "LedgerPermissions"));
        assertThat(template.managedPolicyReferences(SWEEP)).isEqualTo(template.managedPolicyReferences(REMEDIATE));
        assertThat(template.managedPolicyReferences(VERIFY)).containsExactly(Map.of("Ref", "NetworkReadPermissions"),
                Map.of("Ref", "ReportPermissions"), Map.of("Ref", "LedgerPermissions"));
        for (String policy : List.of("NetworkReadPermissions", "RemediatorPermissions", "ReportPermissions", "LedgerPermissions")) {
            assertThat(template.resource(policy).get("Type")).as(policy).isEqualTo("AWS::IAM::ManagedPolicy");
        }
    }

    @Test
    void runtimeIsJava21OnArm64ForEveryFunction() {
        assertThat(template.functionGlobals().get("Runtime")).isEqualTo("java21");
        assertThat(template.functionGlobals().get("Architectures")).isEqualTo(List.of("arm64"));
        for (String function : List.of(REMEDIATE, SWEEP, VERIFY, CHECK)) {
            assertThat(template.properties(function)).as(function).doesNotContainKeys("Runtime", "Architectures");
        }
    }

    @Test
    void snapStartOnPublishedVersionsWithJsonLogs() {
        Map<String, Object> globals = template.functionGlobals();
        assertThat(globals.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(globals.get("LoggingConfig")).isEqualTo(
                Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN"));
    }

    @Test
    void remediationModeComesFromItsParameterAndDefaultsToRemediate() {
        Map<String, Object> globalVariables = SamTemplate.map(SamTemplate.map(
                template.functionGlobals().get("Environment"), "Environment").get("Variables"), "Variables");
        assertThat(globalVariables.get("REMEDIATION_MODE")).isEqualTo(Map.of("Ref", "RemediationMode"));
        assertThat(template.parameter("RemediationMode").get("AllowedValues")).isEqualTo(List.of("REMEDIATE", "DRY_RUN"));
        assertThat(template.functionEnvironment(REMEDIATE)).containsEntry("REMEDIATION_MODE", "REMEDIATE");
        assertThat(template.functionEnvironment(REMEDIATE, Map.of("RemediationMode", "DRY_RUN")))
                .containsEntry("REMEDIATION_MODE", "DRY_RUN");
    }

    @Test
    void planSettingsDefaultsMatchTheCore() {
        Map<String, String> environment = template.functionEnvironment(REMEDIATE);
        assertThat(environment.get("REMEDIATE_WITH_INTERNET_PATH"))
                .isEqualTo(String.valueOf(PlanSettings.defaults().remediateWithInternetPath()));
        // Unset: the Region's list price; an old stack's explicit 0.01 still overrides it.
        assertThat(environment.get("INTERFACE_ENDPOINT_USD_PER_AZ_HOUR")).isEmpty();
        Map<String, String> inFrankfurt = new java.util.HashMap<>(environment);
        inFrankfurt.put("AWS_REGION", "eu-central-1");
        assertThat(Settings.fromEnvironment(inFrankfurt).plan().interfaceEndpointUsdPerAzHour()).isEqualByComparingTo("0.012");
        inFrankfurt.putAll(template.functionEnvironment(REMEDIATE, Map.of("InterfaceEndpointUsdPerAzHour", "0.01")));
        assertThat(Settings.fromEnvironment(inFrankfurt).plan().interfaceEndpointUsdPerAzHour())
                .isEqualByComparingTo(PlanSettings.US_EAST_1_USD_PER_AZ_HOUR);
        Map<String, String> sweep = new java.util.HashMap<>(template.functionEnvironment(SWEEP));
        assertThat(CostSettings.fromEnvironment(sweep)).isEqualTo(CostSettings.defaults());
        sweep.keySet().removeAll(Set.of(CostSettings.IDLE_WINDOW_DAYS, CostSettings.REMOVE_IDLE_ENDPOINTS));
        assertThat(sweep).isEqualTo(environment);
        assertThat(template.functionEnvironment(VERIFY)).isEqualTo(environment);
    }

    @Test
    void everyFunctionIsToldWhereToReportAndWhereToQueueFollowUps() {
        Map<String, Object> variables = SamTemplate.map(SamTemplate.map(
                template.functionGlobals().get("Environment"), "Environment").get("Variables"), "Variables");
        assertThat(variables.get("NOTIFICATION_TOPIC_ARN")).isEqualTo(TOPIC_IN_USE);
        assertThat(variables.get("VERIFY_QUEUE_URL")).isEqualTo(Map.of("Ref", "VerifyQueue"));
        assertThat(variables.get("VERIFY_DELAY_SECONDS")).isEqualTo(Map.of("Ref", "VerifyDelaySeconds"));
        assertThat(SamTemplate.map(template.raw().get("Conditions"), "Conditions")).containsEntry("UseStackTopic", Map.of("Fn::Equals", List.of(Map.of("Ref", "NotificationTopicArn"), "")));
        // What SQS can delay a message by: 15 minutes at most.
        assertThat(template.parameter("VerifyDelaySeconds").get("MaxValue")).isEqualTo(900);
        // The first check a minute after the fix, when a new endpoint is usually still pending (docs/recovery.md).
        assertThat(template.parameter("VerifyDelaySeconds").get("Default")).isEqualTo(60);
    }

    @Test
    void recoveringServicesIsOnByDefaultAndEveryFunctionIsToldWhetherItIs() {
        Map<String, Object> variables = SamTemplate.map(SamTemplate.map(
                template.functionGlobals().get("Environment"), "Environment").get("Variables"), "Variables");
        assertThat(variables.get("RECOVER_SERVICES")).isEqualTo(Map.of("Ref", "RecoverServices"));
        assertThat(template.parameter("RecoverServices")).containsEntry("Default", "true")
                .containsEntry("AllowedValues", List.of("true", "false"));
    }

    @Test
    void handlersAndTimeouts() {
        assertThat(template.properties(REMEDIATE).get("Handler")).isEqualTo("ecsvpce.handler.RemediateFunction::handleRequest");
        assertThat(template.properties(REMEDIATE).get("Timeout")).isEqualTo(120);
        assertThat(template.properties(SWEEP).get("Handler")).isEqualTo("ecsvpce.handler.SweepFunction::handleRequest");
        assertThat(template.properties(SWEEP).get("Timeout")).isEqualTo(900);
        assertThat(template.properties(VERIFY).get("Handler")).isEqualTo("ecsvpce.handler.VerifyFunction::handleRequest");
        assertThat(template.properties(VERIFY).get("Timeout")).isEqualTo(60);
    }

    /** One execution at a time, unless the account's concurrency quota leaves nothing to reserve. */
    @ParameterizedTest
    @ValueSource(strings = {REMEDIATE, SWEEP})
    void oneExecutionAtATime(String function) {
        assertThat(template.properties(function).get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Fn::If",
                List.of("ReserveConcurrency", 1, Map.of("Ref", "AWS::NoValue"))));
        assertThat(SamTemplate.map(template.raw().get("Conditions"), "Conditions").get("ReserveConcurrency"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "ReservedConcurrency"), "1")));
        assertThat(template.parameter("ReservedConcurrency")).containsEntry("Default", "1")
                .containsEntry("AllowedValues", List.of("1", "none"));
    }

    /** An SQS event source polls with at least two; a cap there throttles nothing and needs no reservation. */
    @Test
    void followUpChecksComeOneMessageAtATimeTwoAtMostAndAreKeptAfterThreeFailures() {
        assertThat(template.properties(VERIFY)).doesNotContainKey("ReservedConcurrentExecutions");
        Map<String, Object> source = SamTemplate.map(template.event(VERIFY, "FollowUp").get("Properties"), "FollowUp");
        assertThat(source).containsEntry("Queue", Map.of("Fn::GetAtt", List.of("VerifyQueue", "Arn")))
                .containsEntry("BatchSize", 1).containsEntry("ScalingConfig", Map.of("MaximumConcurrency", 2));
        Map<String, Object> queue = template.properties("VerifyQueue");
        assertThat(queue.get("RedrivePolicy")).isEqualTo(Map.of("deadLetterTargetArn",
                Map.of("Fn::GetAtt", List.of("VerifyDeadLetterQueue", "Arn")), "maxReceiveCount", 3));
        assertThat(queue.get("VisibilityTimeout")).isEqualTo(6 * (Integer) template.properties(VERIFY).get("Timeout"));
        assertThat(template.properties("VerifyDeadLetterQueue").get("SqsManagedSseEnabled")).isEqualTo(true);
    }

    @Test
    void ruleDeliveryFailuresGoToADeadLetterQueue() {
        Map<String, Object> properties = SamTemplate.map(
                template.event(REMEDIATE, "TaskStopped").get("Properties"), "TaskStopped.Properties");
        Map<String, Object> deadLetter = SamTemplate.map(properties.get("DeadLetterConfig"), "DeadLetterConfig");
        assertThat(deadLetter.get("Type")).isEqualTo("SQS");
        String queue = String.valueOf(deadLetter.get("QueueLogicalId"));
        assertThat(queue).isEqualTo("TaskStoppedRuleDeadLetterQueue");
        Map<String, Object> retry = SamTemplate.map(properties.get("RetryPolicy"), "RetryPolicy");
        assertThat(retry.get("MaximumEventAgeInSeconds")).isEqualTo(3600);
        assertThat(retry.get("MaximumRetryAttempts")).isInstanceOf(Integer.class);
        assertThat(output("TaskStoppedRuleDeadLetterQueueUrl")).isEqualTo(Map.of("Ref", queue));
        assertThat(output("TaskStoppedRuleDeadLetterQueueArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(queue, "Arn")));
    }

    @Test
    void failedInvocationsGoToAnEncryptedTwoWeekQueue() {
        Map<String, Object> invoke = SamTemplate.map(template.properties(REMEDIATE).get("EventInvokeConfig"), "EventInvokeConfig");
        assertThat(invoke.get("MaximumRetryAttempts")).isEqualTo(2);
        assertThat(invoke.get("MaximumEventAgeInSeconds")).isEqualTo(3600);
        assertThat(invoke.get("DestinationConfig")).isEqualTo(Map.of("OnFailure", Map.of(
                "Type", "SQS", "Destination", Map.of("Fn::GetAtt", List.of("FailedInvocationQueue", "Arn")))));
        assertThat(template.resource("FailedInvocationQueue").get("Type")).isEqualTo("AWS::SQS::Queue");
        Map<String, Object> queue = template.properties("FailedInvocationQueue");
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
        assertThat(queue.get("MessageRetentionPeriod")).isEqualTo(14 * 24 * 3600);
        assertThat(output("FailedInvocationQueueUrl")).isEqualTo(Map.of("Ref", "FailedInvocationQueue"));
    }

    @Test
    void functionArnsAreOutputs() {
        assertThat(output("RemediateFunctionArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(REMEDIATE, "Arn")));
        assertThat(output("SweepFunctionArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(SWEEP, "Arn")));
        assertThat(output("VerifyFunctionArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(VERIFY, "Arn")));
        assertThat(output("NotificationTopicArn")).isEqualTo(TOPIC_IN_USE);
    }

    private List<SamTemplate.Statement> statementsWith(String function, String action) {
        return template.policyStatements(function).stream().filter(s -> s.actions().contains(action)).toList();
    }

    private Object output(String name) {
        Map<String, Object> outputs = SamTemplate.map(template.raw().get("Outputs"), "Outputs");
        assertThat(outputs).as("Outputs").containsKey(name);
        return SamTemplate.map(outputs.get(name), name).get("Value");
    }
}
