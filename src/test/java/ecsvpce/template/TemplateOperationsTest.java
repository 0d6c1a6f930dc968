package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;
import static ecsvpce.template.TemplateValues.list;
import static ecsvpce.template.TemplateValues.mergedProperties;
import static ecsvpce.template.TemplateValues.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.app.ReportSamples;
import ecsvpce.report.MetricLines;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the template gives the people who run the product: versions that follow every setting,
 * the topic, alarms on what needs a person, a dashboard and saved queries that name only what the
 * functions really write.
 */
class TemplateOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Function properties that are not the function's configuration (SAM turns them into other resources). */
    private static final Set<String> NOT_CONFIGURATION = Set.of("Events", "Policies", "EventInvokeConfig",
            "AutoPublishAlias", "AutoPublishAliasAllProperties", "VersionDescription", "Description");
    private static final Pattern SUB_NAME = Pattern.compile("\\$\\{([^}]+)}");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyParameterAFunctionsConfigurationUsesPublishesANewVersionWhenItChanges() {
        assertThat(template.functionGlobals()).containsEntry("AutoPublishAliasAllProperties", true);
        Set<String> parameters = map(template.raw().get("Parameters"), "Parameters").keySet();
        for (String function : template.functionIds()) {
            Map<String, Object> configuration = new LinkedHashMap<>(mergedProperties(template, function));
            configuration.keySet().removeAll(NOT_CONFIGURATION);
            String description = description(function);
            Set<String> used = new TreeSet<>();
            for (String text : strings(configuration)) {
                parameters.stream().filter(p -> text.equals(p) || text.contains("${" + p + "}")).forEach(used::add);
            }
            assertThat(used).as(function).isNotEmpty();
            assertThat(names(description)).as(function + " VersionDescription").containsAll(used);
        }
    }

    /** A version's description holds 256 characters: the longest topic ARN the parameter allows and four VPC ids fit. */
    @Test
    void versionDescriptionsFitWithTheLongestTopicAndFourVpcs() {
        String longestTopic = "arn:aws-us-gov:sns:ap-southeast-5:111122223333:" + "t".repeat(80);
        assertThat(longestTopic).matches(String.valueOf(template.parameter("NotificationTopicArn").get("AllowedPattern")));
        Map<String, String> values = new LinkedHashMap<>(Map.of("NotificationTopicArn", longestTopic,
                "AllowedVpcIds", String.join(",", List.of("vpc-0a1b2c3d4e5f60718", "vpc-0a1b2c3d4e5f60719",
                        "vpc-0a1b2c3d4e5f60720", "vpc-0a1b2c3d4e5f60721"))));
        map(template.raw().get("Parameters"), "Parameters").forEach((name, definition) ->
                values.putIfAbsent(name, String.valueOf(map(definition, name).getOrDefault("Default", ""))));
        for (String function : template.functionIds()) {
            String resolved = SUB_NAME.matcher(description(function)).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
            assertThat(resolved).as(function).hasSizeLessThanOrEqualTo(256);
        }
    }

    @Test
    void anEmailAddressIsSubscribedOnlyWhenGiven() {
        Map<String, Object> subscription = template.resource("NotificationEmailSubscription");
        assertThat(subscription.get("Condition")).isEqualTo("SubscribeEmail");
        assertThat(template.properties("NotificationEmailSubscription")).containsEntry("Protocol", "email")
                .containsEntry("TopicArn", Map.of("Ref", "NotificationTopic"))
                .containsEntry("Endpoint", Map.of("Ref", "NotificationEmail"));
        assertThat(template.resource("NotificationTopic").get("Type")).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void alarmsWatchTheQueuesThatNeedAPersonRefusedChangesErrorsAndFailedNotifications() {
        Map<String, Map<String, Object>> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms.keySet()).containsExactlyInAnyOrder("TaskStoppedDeadLettersAlarm", "FailedInvocationsAlarm",
                "FollowUpDeadLettersAlarm", "FailedActionsAlarm", "FunctionErrorsAlarm", "NotificationFailuresAlarm");
        Set<Object> queues = new HashSet<>();
        alarms.forEach((id, alarm) -> {
            Map<String, Object> properties = map(alarm.get("Properties"), id);
            assertThat(properties.get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", "NotificationTopic")));
            assertThat(properties).as(id).containsEntry("Threshold", 0).containsEntry("ComparisonOperator", "GreaterThanThreshold")
                    .containsEntry("TreatMissingData", "notBreaching");
            if ("AWS/SQS".equals(properties.get("Namespace"))) {
                queues.add(map(list(properties.get("Dimensions")).get(0), id).get("Value"));
            }
        });
        assertThat(queues).containsExactlyInAnyOrder(queueName("TaskStoppedRuleDeadLetterQueue"),
                queueName("FailedInvocationQueue"), queueName("VerifyDeadLetterQueue"));
        assertThat(summedMetrics("FunctionErrorsAlarm")).containsExactlyInAnyOrder("AWS/Lambda Errors FunctionName="
                + Map.of("Ref", "RemediateFunction"), "AWS/Lambda Errors FunctionName=" + Map.of("Ref", "SweepFunction"),
                "AWS/Lambda Errors FunctionName=" + Map.of("Ref", "VerifyFunction"),
                "AWS/Lambda Errors FunctionName=" + Map.of("Ref", "CheckFunction"));
        assertThat(summedMetrics("FailedActionsAlarm")).containsExactlyInAnyOrder(
                MetricLines.NAMESPACE + " ActionsFailed Function=RemediateFunction",
                MetricLines.NAMESPACE + " ActionsFailed Function=SweepFunction");
        assertThat(summedMetrics("NotificationFailuresAlarm")).hasSize(3);
    }

    /** The alarms and the dashboard name metrics the functions write, by the names and dimensions they write them with. */
    @Test
    void everyProductMetricTheTemplateNamesIsOneTheFunctionsWrite() throws Exception {
        Set<String> written = new TreeSet<>();
        List<Map<String, Object>> reports = new java.util.ArrayList<>(List.of(ReportSamples.TaskSample.REMEDIATED.json(),
                ReportSamples.SweepSample.FIXED.json(), ReportSamples.SweepSample.IDLE_ENDPOINTS.json(),
                ReportSamples.CheckSample.HEALED.json()));
        reports.addAll(ReportSamples.withLedger());
        for (Map<String, Object> json : reports) {
            for (String line : MetricLines.of(json, "RemediateFunction", ReportSamples.NOW)) {
                JSON.readTree(line).path("_aws").path("CloudWatchMetrics").path(0).path("Metrics")
                        .forEach(metric -> written.add(metric.path("Name").asText()));
            }
        }
        Set<String> named = new TreeSet<>();
        for (String alarm : List.of("FailedActionsAlarm", "NotificationFailuresAlarm")) {
            summedMetrics(alarm).forEach(metric -> named.add(metric.split(" ")[1]));
        }
        Matcher quoted = Pattern.compile("MetricName=\\\\?\"(\\w+)\\\\?\"").matcher(dashboardBody());
        while (quoted.find()) {
            named.add(quoted.group(1));
        }
        Matcher listed = Pattern.compile("\\[\"EcsVpceRemediator\", \"(\\w+)\"|\\[\"\\.\", \"(\\w+)\"").matcher(dashboardBody());
        while (listed.find()) {
            named.add(listed.group(1) != null ? listed.group(1) : listed.group(2));
        }
        named.removeAll(Set.of("Errors", "Throttles", "ApproximateNumberOfMessagesVisible"));
        assertThat(named).hasSizeGreaterThan(10);
        assertThat(written).containsAll(named);
    }

    @Test
    void theDashboardIsJsonOnceCloudFormationHasSubstitutedItsNames() throws Exception {
        String body = SUB_NAME.matcher(dashboardBody()).replaceAll("x");

        JsonNode dashboard = JSON.readTree(body);

        assertThat(dashboard.path("widgets")).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(widget -> assertThat(widget.path("properties").path("region").asText()).isEqualTo("x"));
    }

    @Test
    void anOrganisationMayLeaveTheDashboardOutAndKeepEveryAlarm() {
        assertThat(template.resource("Dashboard")).containsEntry("Condition", "WantsDashboard");
        assertThat(map(template.raw().get("Conditions"), "Conditions")).containsEntry("WantsDashboard",
                Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateDashboard"), "true")));
        assertThat(template.parameter("CreateDashboard")).containsEntry("Default", "true");
        assertThat(map(map(template.raw().get("Outputs"), "Outputs").get("DashboardName"), "DashboardName"))
                .containsEntry("Condition", "WantsDashboard");
        assertThat(resourcesOfType("AWS::CloudWatch::Alarm").values()).hasSize(6).noneMatch(alarm -> alarm.containsKey("Condition"));
    }

    @Test
    void savedQueriesReadTheFunctionsLogGroupsAndTheReportsFields() {
        Map<String, Map<String, Object>> queries = resourcesOfType("AWS::Logs::QueryDefinition");
        assertThat(queries).hasSize(5);
        Set<Object> logGroups = Set.of(Map.of("Ref", "RemediateLogGroup"), Map.of("Ref", "SweepLogGroup"),
                Map.of("Ref", "VerifyLogGroup"));
        queries.forEach((id, query) -> {
            Map<String, Object> properties = map(query.get("Properties"), id);
            assertThat(list(properties.get("LogGroupNames"))).as(id).isNotEmpty().allMatch(logGroups::contains);
            assertThat(String.valueOf(map(properties.get("Name"), id).get("Fn::Sub"))).startsWith("ecs-vpce-remediator/${AWS::StackName}/");
        });
        assertThat(String.valueOf(map(queries.get("NeedsAPersonQuery").get("Properties"), "q").get("QueryString")))
                .contains("outcome = \"NOT_FIXABLE_BY_ENDPOINTS\"", "verdict = \"STILL_BROKEN\"", "by account, region, vpcId");
    }

    @Test
    void eachFunctionLogsToItsOwnLogGroupKeptAYear() {
        Map<String, String> logGroups = Map.of("RemediateFunction", "RemediateLogGroup", "SweepFunction", "SweepLogGroup",
                "VerifyFunction", "VerifyLogGroup", "CheckFunction", "CheckLogGroup");
        assertThat(template.functionIds()).containsExactlyInAnyOrderElementsOf(logGroups.keySet());
        logGroups.forEach((function, group) -> {
            assertThat(map(mergedProperties(template, function).get("LoggingConfig"), function))
                    .containsEntry("LogGroup", Map.of("Ref", group)).containsEntry("LogFormat", "JSON");
            assertThat(template.properties(group)).containsEntry("RetentionInDays", 365).doesNotContainKey("LogGroupName");
        });
    }

    private String description(String function) {
        return String.valueOf(map(template.properties(function).get("VersionDescription"), function).get("Fn::Sub"));
    }

    private static Set<String> names(String sub) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SUB_NAME.matcher(sub);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private String dashboardBody() {
        return String.valueOf(map(template.properties("Dashboard").get("DashboardBody"), "DashboardBody").get("Fn::Sub"));
    }

    /** The metrics a math alarm adds up, as {@code Namespace MetricName Dimension=value}. */
    private List<String> summedMetrics(String alarm) {
        return list(template.properties(alarm).get("Metrics")).stream().map(m -> map(m, alarm))
                .filter(m -> m.containsKey("MetricStat")).map(m -> {
                    Map<String, Object> metric = map(map(m.get("MetricStat"), alarm).get("Metric"), alarm);
                    Map<String, Object> dimension = map(list(metric.get("Dimensions")).get(0), alarm);
                    return metric.get("Namespace") + " " + metric.get("MetricName") + " " + dimension.get("Name") + "="
                            + dimension.get("Value");
                }).toList();
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(template.raw().get("Resources"), "Resources").forEach((id, resource) -> {
            if (type.equals(map(resource, id).get("Type"))) {
                found.put(id, map(resource, id));
            }
        });
        return found;
    }

    private static Map<String, Object> queueName(String queue) {
        return Map.of("Fn::GetAtt", List.of(queue, "QueueName"));
    }
}
