package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;
import static ecsvpce.template.TemplateValues.list;
import static ecsvpce.template.TemplateValues.mergedProperties;
import static ecsvpce.template.TemplateValues.optionalMap;
import static ecsvpce.template.TemplateValues.ref;
import static ecsvpce.template.TemplateValues.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/org-template} makes the template a service-managed StackSet takes (no Transform, the
 * code from S3), and it must deploy what {@code template.yaml} deploys: checked resource by resource,
 * driven by what template.yaml declares, so the checks hold as the template grows. Where SAM adds
 * something of its own (a role, a version, a permission), the test names it and checks its content.
 */
class MemberTemplateIT {
    static final String MEMBER = "target/org/member-template.yaml";
    /**
     * Function properties SAM turns into other resources instead of copying them onto the function,
     * and the ways to make it publish versions, which the member template replaces by its own.
     */
    private static final Set<String> EXPANDED = Set.of("CodeUri", "AutoPublishAlias", "Policies", "EventInvokeConfig",
            "Events", "VersionDescription", "AutoPublishAliasAllProperties", "AutoPublishCodeSha256");
    private static final Map<String, Object> CODE = Map.of(
            "S3Bucket", Map.of("Fn::Sub", "${CodeBucketPrefix}-${AWS::Region}"), "S3Key", ref("CodeKey"));
    private static final Map<String, Object> BASIC_EXECUTION_ROLE =
            Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    private static final Map<String, Object> SQS_POLLER_ROLE =
            Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
    private static final Map<String, String> DESTINATION_ACTIONS = Map.of(
            "SQS", "sqs:SendMessage", "SNS", "sns:publish", "Lambda", "lambda:InvokeFunction", "EventBridge", "events:PutEvents");
    /** Where a rule event's settings land on the AWS::Events::Rule (the rest go on its target). */
    private static final Map<String, String> RULE_PROPERTIES = Map.of(
            "Pattern", "EventPattern", "Schedule", "ScheduleExpression", "State", "State", "Description", "Description");
    /** The largest template CreateStackSet reads from S3 (--template-url), which docs/organisations.md uses. */
    private static final int TEMPLATE_URL_LIMIT = 460_800;
    private static final Pattern REGION_NAME = Pattern.compile("\\b[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d\\b");

    private static SamTemplate sam;
    private static Map<String, Object> member;

    @BeforeAll
    static void runOrgTemplate() {
        Commands.Result run = Commands.run(List.of("scripts/org-template"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        sam = SamTemplate.load();
        member = SamTemplate.load(SamTemplate.projectRoot().resolve(MEMBER)).raw();
    }

    @Test
    void hasNoTransformAndNoServerlessResource() {
        assertThat(member).doesNotContainKey("Transform");
        assertThat(resources().values()).extracting(r -> type(r)).noneMatch(t -> t.startsWith("AWS::Serverless::"));
    }

    @Test
    void keepsEveryParameterConditionAndOutputAndAddsTheCodeLocation() {
        Map<String, Object> parameters = map(member.get("Parameters"), "Parameters");
        Map<String, Object> declared = map(sam.raw().get("Parameters"), "template.yaml Parameters");
        assertThat(parameters).containsAllEntriesOf(declared);
        assertThat(parameters.keySet()).containsExactlyInAnyOrderElementsOf(union(declared.keySet(), Set.of("CodeBucketPrefix", "CodeKey")));
        for (String section : sam.raw().keySet()) {
            if (!Set.of("Transform", "Globals", "Resources", "Parameters").contains(section)) {
                assertThat(member.get(section)).as(section).isEqualTo(withSamReferences(sam.raw().get(section)));
            }
        }
    }

    @Test
    void everyResourceThatIsNotServerlessComesThroughUnchanged() {
        samResources().forEach((id, resource) -> {
            if (!type(resource).startsWith("AWS::Serverless::")) {
                assertThat(resources().get(id)).as(id).isEqualTo(withSamReferences(resource));
            }
        });
    }

    /** Each member account keeps its own ledger: notices told once across its environments, its incidents. */
    @Test
    void everyMemberAccountGetsTheLedgerTableAndEveryFunctionItsName() {
        Map<String, Object> table = properties(resource("LedgerTable", "AWS::DynamoDB::Table"));
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST").containsEntry("TimeToLiveSpecification",
                Map.of("AttributeName", "expiresAt", "Enabled", true)).doesNotContainKey("TableName");
        assertThat(map(member.get("Parameters"), "Parameters")).containsKey("LedgerRetentionDays");
        for (String function : sam.functionIds()) {
            Map<String, Object> variables = map(map(properties(resource(function, "AWS::Lambda::Function"))
                    .get("Environment"), function).get("Variables"), function);
            assertThat(variables).as(function).containsEntry("LEDGER_TABLE_NAME", Map.of("Ref", "LedgerTable"))
                    .containsEntry("LEDGER_RETENTION_DAYS", Map.of("Ref", "LedgerRetentionDays"));
        }
    }

    @Test
    void everyFunctionKeepsItsConfigurationAndRunsTheCodeFromS3() {
        for (String function : sam.functionIds()) {
            Map<String, Object> expected = new LinkedHashMap<>(mergedProperties(sam, function));
            expected.keySet().removeAll(EXPANDED);
            expected.put("Code", CODE);
            Map<String, Object> actual = properties(resource(function, "AWS::Lambda::Function"));
            assertThat(actual).as(function).containsAllEntriesOf(expected);
            assertThat(actual.keySet()).as(function + ": SAM adds only the role and its tag")
                    .containsExactlyInAnyOrderElementsOf(union(expected.keySet(), Set.of("Role", "Tags")));
            assertThat(actual.get("Tags")).isEqualTo(List.of(Map.of("Key", "lambda:createdBy", "Value", "SAM")));
        }
    }

    @Test
    void everyFunctionsRoleGrantsExactlyWhatTemplateYamlGrants() {
        for (String function : sam.functionIds()) {
            Map<String, Object> role = properties(resource(roleOf(function), "AWS::IAM::Role"));
            assertThat(role.get("AssumeRolePolicyDocument")).as(function).isEqualTo(Map.of("Version", "2012-10-17",
                    "Statement", List.of(Map.of("Action", List.of("sts:AssumeRole"), "Effect", "Allow",
                            "Principal", Map.of("Service", List.of("lambda.amazonaws.com"))))));
            List<Object> managed = new ArrayList<>(List.of(BASIC_EXECUTION_ROLE));
            managed.addAll(sam.managedPolicyReferences(function));
            if (events(function).values().stream().anyMatch(e -> "SQS".equals(e.get("Type")))) {
                managed.add(SQS_POLLER_ROLE);
            }
            assertThat(role.get("ManagedPolicyArns")).as(function).isEqualTo(managed);
            List<Object> statements = new ArrayList<>();
            for (Object policy : list(role.get("Policies"))) {
                statements.addAll(list(map(map(policy, "policy").get("PolicyDocument"), "document").get("Statement")));
            }
            assertThat(statements).as(function).containsExactlyInAnyOrderElementsOf(grantedStatements(function));
        }
    }

    @Test
    void everyFunctionPublishesAVersionForEveryParameterChangeBehindItsAlias() {
        for (String function : sam.functionIds()) {
            Map<String, Object> alias = properties(resource(aliasOf(function), "AWS::Lambda::Alias"));
            assertThat(alias.get("Name")).isEqualTo(mergedProperties(sam, function).get("AutoPublishAlias"));
            assertThat(alias.get("FunctionName")).isEqualTo(ref(function));
            assertThat(alias.get("FunctionVersion")).isEqualTo(Map.of("Fn::GetAtt", List.of(versionOf(function), "Version")));
            Map<String, Object> published = properties(resource(versionOf(function), "AWS::Lambda::Version"));
            assertThat(published.get("FunctionName")).isEqualTo(ref(function));
            // A version's Description cannot change in place: naming a parameter there makes a
            // change of its value publish a new version, which the alias then points at.
            String description = (String) map(published.get("Description"), "Description").get("Fn::Sub");
            for (String parameter : parametersUsedBy(properties(resource(function, "AWS::Lambda::Function")))) {
                assertThat(description).as(function + " version description").contains("${" + parameter + "}");
            }
        }
    }

    @Test
    void asynchronousInvocationsKeepTheirRetriesAndDestinations() {
        for (String function : sam.functionIds()) {
            Map<String, Object> declared = optionalMap(mergedProperties(sam, function).get("EventInvokeConfig"));
            List<Map<String, Object>> configs = resourcesWhere("AWS::Lambda::EventInvokeConfig", "FunctionName", ref(function));
            assertThat(configs).as(function).hasSize(declared.isEmpty() ? 0 : 1);
            for (Map<String, Object> config : configs) {
                assertThat(config.get("Qualifier")).isEqualTo(mergedProperties(sam, function).get("AutoPublishAlias"));
                declared.forEach((key, value) -> {
                    if (!key.equals("DestinationConfig")) {
                        assertThat(config.get(key)).as(function + " " + key).isEqualTo(value);
                    }
                });
                destinations(function).forEach((outcome, destination) -> assertThat(
                        map(map(config.get("DestinationConfig"), "DestinationConfig").get(outcome), outcome).get("Destination"))
                        .as(function + " " + outcome).isEqualTo(destination.get("Destination")));
            }
        }
    }

    @Test
    void everyEventReachesTheAliasWithItsPatternScheduleRetriesAndDeadLetters() {
        for (String function : sam.functionIds()) {
            Map<String, Object> alias = ref(aliasOf(function));
            events(function).forEach((name, event) -> {
                Map<String, Object> settings = optionalMap(event.get("Properties"));
                String source = function + name;  // SAM's name for what it makes of an event
                switch (String.valueOf(event.get("Type"))) {
                    case "EventBridgeRule", "Schedule" -> checkRule(source, settings, alias);
                    case "SQS" -> {
                        Map<String, Object> mapping = properties(resource(source, "AWS::Lambda::EventSourceMapping"));
                        assertThat(mapping.get("FunctionName")).isEqualTo(alias);
                        settings.forEach((key, value) ->
                                assertThat(mapping.get(key.equals("Queue") ? "EventSourceArn" : key)).as(source + " " + key).isEqualTo(value));
                    }
                    default -> fail(source + ": event type " + event.get("Type") + " is new; teach MemberTemplateIT how SAM translates it");
                }
            });
        }
    }

    @Test
    void holdsNothingTemplateYamlDoesNotDeclare() {
        Set<String> expected = new HashSet<>();
        samResources().forEach((id, resource) -> {
            if (!type(resource).equals("AWS::Serverless::Function")) {
                expected.add(id);
            }
        });
        for (String function : sam.functionIds()) {
            expected.addAll(List.of(function, roleOf(function), aliasOf(function), versionOf(function)));
            if (mergedProperties(sam, function).containsKey("EventInvokeConfig")) {
                expected.add(function + "EventInvokeConfig");
            }
            events(function).forEach((name, event) -> {
                expected.add(function + name);
                if (!"SQS".equals(event.get("Type"))) {
                    expected.add(function + name + "Permission");
                }
                Object queue = optionalMap(optionalMap(event.get("Properties")).get("DeadLetterConfig")).get("QueueLogicalId");
                if (queue != null) {
                    expected.addAll(List.of((String) queue, function + name + "QueuePolicy"));
                }
            });
        }
        assertThat(resources().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void suitsAStackSetInEveryRegion() throws IOException {
        byte[] text = Files.readAllBytes(SamTemplate.projectRoot().resolve(MEMBER));
        assertThat(text.length).as("bytes, for --template-url").isLessThanOrEqualTo(TEMPLATE_URL_LIMIT);
        List<String> strings = strings(member);
        Set<String> declared = new HashSet<>(strings(sam.raw()));
        assertThat(strings).as("no Region of its own").noneMatch(s -> REGION_NAME.matcher(s).find());
        assertThat(strings).as("no partition of its own").allMatch(s -> !s.startsWith("arn:aws") || declared.contains(s));
        // IAM is global: one account gets a stack per Region, and named IAM resources would collide.
        resources().forEach((id, resource) -> assertThat(properties(resource).keySet()).as(id)
                .doesNotContain("RoleName", "ManagedPolicyName", "UserName", "GroupName", "InstanceProfileName"));
    }

    @Test
    void versionDescriptionsFitWithTheDefaultsAndTheLongestCodeLocation() {
        Map<String, String> values = new LinkedHashMap<>(Map.of("CodeBucketPrefix", "b".repeat(48),
                "CodeKey", "ecs-vpce-remediator/0123456789abcdef.zip", "AWS::Region", "ap-southeast-5"));
        map(member.get("Parameters"), "Parameters").forEach((name, definition) ->
                values.putIfAbsent(name, String.valueOf(map(definition, name).getOrDefault("Default", ""))));
        resources().forEach((id, resource) -> {
            if (type(resource).equals("AWS::Lambda::Version")) {
                Matcher names = Pattern.compile("\\$\\{([^}]+)}").matcher(
                        (String) map(properties(resource).get("Description"), id).get("Fn::Sub"));
                assertThat(names.replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))))).as(id).hasSizeLessThanOrEqualTo(256);
            }
        });
    }

    @Test
    void lintsClean() {
        CfnLintIT.assertLintsClean(MEMBER);
    }

    private static void checkRule(String rule, Map<String, Object> settings, Map<String, Object> alias) {
        Map<String, Object> properties = properties(resource(rule, "AWS::Events::Rule"));
        List<Object> targets = list(properties.get("Targets"));
        assertThat(targets).as(rule + " targets").hasSize(1);
        Map<String, Object> target = map(targets.get(0), "target");
        assertThat(target.get("Arn")).as(rule + " target").isEqualTo(alias);
        Map<String, Object> sourceArn = Map.of("Fn::GetAtt", List.of(rule, "Arn"));
        settings.forEach((key, value) -> {
            switch (key) {
                case "RetryPolicy" -> assertThat(target.get(key)).as(rule + " " + key).isEqualTo(value);
                case "DeadLetterConfig" -> {
                    Map<String, Object> deadLetters = map(value, key);
                    Object queue = deadLetters.get("QueueLogicalId");
                    Object arn = queue == null ? deadLetters.get("Arn") : Map.of("Fn::GetAtt", List.of(queue, "Arn"));
                    assertThat(map(target.get(key), key).get("Arn")).as(rule + " dead letters").isEqualTo(arn);
                    if (queue != null) {
                        resource((String) queue, "AWS::SQS::Queue");
                        assertThat(resourcesWhere("AWS::SQS::QueuePolicy", "Queues", List.of(ref((String) queue))))
                                .singleElement().extracting(p -> list(map(p.get("PolicyDocument"), "policy").get("Statement")))
                                .isEqualTo(List.of(Map.of("Action", "sqs:SendMessage", "Effect", "Allow",
                                        "Principal", Map.of("Service", "events.amazonaws.com"), "Resource", arn,
                                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", sourceArn)))));
                    }
                }
                default -> {
                    assertThat(RULE_PROPERTIES).as(rule + ": teach MemberTemplateIT where SAM puts " + key).containsKey(key);
                    assertThat(properties.get(RULE_PROPERTIES.get(key))).as(rule + " " + key).isEqualTo(value);
                }
            }
        });
        assertThat(resourcesWhere("AWS::Lambda::Permission", "SourceArn", sourceArn)).as(rule + " permission")
                .containsExactly(Map.of("Action", "lambda:InvokeFunction", "FunctionName", alias,
                        "Principal", "events.amazonaws.com", "SourceArn", sourceArn));
    }

    /** The statements template.yaml gives the function inline, and what SAM adds for its destinations. */
    private static List<Object> grantedStatements(String function) {
        List<Object> statements = new ArrayList<>();
        for (Object entry : list(mergedProperties(sam, function).get("Policies"))) {
            if (entry instanceof Map<?, ?> document && document.containsKey("Statement")) {
                statements.addAll(list(document.get("Statement")));
            }
        }
        destinations(function).forEach((outcome, destination) -> statements.add(Map.of(
                "Action", DESTINATION_ACTIONS.get(String.valueOf(destination.get("Type"))), "Effect", "Allow",
                "Resource", destination.get("Destination"))));
        return statements;
    }

    private static Map<String, Map<String, Object>> destinations(String function) {
        Map<String, Map<String, Object>> destinations = new LinkedHashMap<>();
        optionalMap(optionalMap(mergedProperties(sam, function).get("EventInvokeConfig")).get("DestinationConfig"))
                .forEach((outcome, destination) -> destinations.put(outcome, map(destination, outcome)));
        return destinations;
    }

    private static Map<String, Map<String, Object>> events(String function) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        optionalMap(mergedProperties(sam, function).get("Events")).forEach((name, event) -> events.put(name, map(event, name)));
        return events;
    }

    private static String roleOf(String function) {
        return (String) list(map(properties(resources().get(function)).get("Role"), "Role").get("Fn::GetAtt")).get(0);
    }

    private static String aliasOf(String function) {
        return function + "Alias" + mergedProperties(sam, function).get("AutoPublishAlias");
    }

    /** The version the alias points at (SAM names it after a hash). */
    private static String versionOf(String function) {
        Object target = map(properties(resources().get(aliasOf(function))).get("FunctionVersion"), "FunctionVersion").get("Fn::GetAtt");
        return String.valueOf(list(target).get(0));
    }

    /** The template parameters a value refers to, by !Ref or by ${...} in !Sub. */
    private static Set<String> parametersUsedBy(Object value) {
        Set<String> parameters = map(member.get("Parameters"), "Parameters").keySet();
        Set<String> used = new HashSet<>();
        for (String text : strings(value)) {
            parameters.stream().filter(p -> text.equals(p) || text.contains("${" + p + "}")).forEach(used::add);
        }
        return used;
    }

    /** template.yaml's value with !Ref Function.Alias / Function.Version as SAM rewrites them. */
    private static Object withSamReferences(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("Ref") instanceof String target && target.matches("\\w+\\.(Alias|Version)")) {
                String function = target.substring(0, target.indexOf('.'));
                return ref(target.endsWith(".Alias") ? aliasOf(function) : versionOf(function));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), withSamReferences(v)));
            return result;
        }
        return value instanceof List<?> l ? l.stream().map(MemberTemplateIT::withSamReferences).toList() : value;
    }

    private static Map<String, Object> resources() {
        return map(member.get("Resources"), "Resources");
    }

    private static Map<String, Object> samResources() {
        return map(sam.raw().get("Resources"), "Resources");
    }

    private static Map<String, Object> resource(String id, String type) {
        Object resource = resources().get(id);
        assertThat(resource).as(id + " in " + MEMBER).isNotNull();
        assertThat(type(resource)).as(id).isEqualTo(type);
        return map(resource, id);
    }

    private static List<Map<String, Object>> resourcesWhere(String type, String property, Object value) {
        return resources().values().stream().filter(r -> type(r).equals(type))
                .map(MemberTemplateIT::properties).filter(p -> value.equals(p.get(property))).toList();
    }

    private static String type(Object resource) {
        return String.valueOf(map(resource, "resource").get("Type"));
    }

    private static Map<String, Object> properties(Object resource) {
        return optionalMap(map(resource, "resource").get("Properties"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
