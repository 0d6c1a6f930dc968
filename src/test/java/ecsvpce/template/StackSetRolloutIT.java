package ecsvpce.template;

import static ecsvpce.template.SamTemplate.map;
import static ecsvpce.template.TemplateValues.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StackSets rollout of docs/organisations.md, read from the page itself: the blocks marked as
 * needing no AWS account run here, and every {@code aws cloudformation} command of the others is
 * checked against the member template it deploys (parameters and their allowed values,
 * capabilities, the template file), so the page and the template cannot drift apart.
 */
class StackSetRolloutIT {
    private static final String PAGE = "docs/organisations.md";
    private static final String SECTION = "## Roll out to an organisation (StackSets)";
    private static final String RUNS_HERE = "# no AWS account needed";
    private static final String NEEDS_AWS = "# needs an AWS account";
    private static final Set<String> IAM_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::InstanceProfile", "AWS::IAM::AccessKey",
            "AWS::IAM::UserToGroupAddition");
    private static final Pattern BLOCK = Pattern.compile("(?m)^( *)```(\\w+)\\n(.*?)^\\1```$", Pattern.DOTALL);

    private static final List<Block> blocks = new ArrayList<>();
    private static final List<Commands.Result> runs = new ArrayList<>();
    private static Map<String, Object> parameters;
    private static Map<String, Object> resources;

    /** A fenced block of the section: its language and its lines, the list item's indentation removed. */
    private record Block(String language, String text) {
        boolean runsHere() {
            return text.startsWith(RUNS_HERE);
        }
    }

    /** One {@code aws} command: its subcommands, then each option with the words that follow it. */
    private record AwsCommand(String name, Map<String, List<String>> options) {
        List<String> option(String name) {
            return options.getOrDefault(name, List.of());
        }

        /** ParameterKey to ParameterValue, or to null for UsePreviousValue=true. */
        Map<String, String> parameters() {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> entries = new ArrayList<>(option("--parameters"));
            entries.addAll(option("--parameter-overrides"));
            for (String entry : entries) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String field : entry.split("(?<!\\\\),")) {
                    fields.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
                }
                assertThat(fields.keySet()).as(entry).contains("ParameterKey").containsAnyOf("ParameterValue", "UsePreviousValue");
                values.put(fields.get("ParameterKey"), "true".equals(fields.get("UsePreviousValue")) ? null : fields.get("ParameterValue"));
            }
            return values;
        }
    }

    @BeforeAll
    static void runTheBlocksThatNeedNoAwsAccount() throws IOException {
        String page = Files.readString(SamTemplate.projectRoot().resolve(PAGE));
        int start = page.indexOf(SECTION);
        assertThat(start).as(PAGE + " section " + SECTION).isNotNegative();
        int end = page.indexOf("\n## ", start + SECTION.length());
        Matcher block = BLOCK.matcher(page.substring(start, end < 0 ? page.length() : end));
        while (block.find()) {
            String indent = block.group(1);
            blocks.add(new Block(block.group(2), block.group(3).replaceAll("(?m)^" + indent, "")));
        }
        Path member = SamTemplate.projectRoot().resolve(MemberTemplateIT.MEMBER);
        Files.deleteIfExists(member);  // the blocks must write it
        for (Block runnable : blocks.stream().filter(Block::runsHere).toList()) {
            runs.add(Commands.run(List.of("bash", "-euo", "pipefail", "-c", runnable.text())));
        }
        Map<String, Object> template = SamTemplate.load(member).raw();
        parameters = map(template.get("Parameters"), "Parameters");
        resources = map(template.get("Resources"), "Resources");
    }

    @Test
    void everyShellBlockSaysWhetherItNeedsAnAwsAccountAndTheOthersRunHere() {
        List<Block> shell = blocks.stream().filter(b -> b.language().equals("sh")).toList();
        assertThat(shell).isNotEmpty().allMatch(b -> b.runsHere() || b.text().startsWith(NEEDS_AWS));
        assertThat(runs).as("blocks run here").isNotEmpty().allSatisfy(run -> assertThat(run.exitCode()).as(run.output()).isZero());
    }

    @Test
    void everyParameterACommandSetsIsDeclaredAndItsValueAllowed() {
        assertThat(cloudFormationCommands()).isNotEmpty();
        for (AwsCommand command : cloudFormationCommands()) {
            command.parameters().forEach((name, value) -> {
                assertThat(parameters).as(command.name() + " sets " + name).containsKey(name);
                if (value != null && !value.contains("$")) {
                    assertAllowed(name, value.replace("\\,", ","));
                }
            });
        }
    }

    @Test
    void theStackSetIsServiceManagedDeploysNewAccountsAndStartsInDryRun() {
        AwsCommand create = only("create-stack-set");
        assertThat(create.option("--permission-model")).containsExactly("SERVICE_MANAGED");
        assertThat(create.option("--auto-deployment")).singleElement().asString().contains("Enabled=true");
        assertThat(create.option("--template-url")).singleElement().asString().contains("$TEMPLATE_URL");
        assertThat(blocks).as("a block uploads the member template to where the URL points")
                .anySatisfy(b -> assertThat(b.text()).contains("aws s3 cp " + MemberTemplateIT.MEMBER)
                        .contains("TEMPLATE_URL=\"https://$CODE_BUCKET_PREFIX-$HOME_REGION.s3.$HOME_REGION.amazonaws.com/$TEMPLATE_KEY\""));
        parameters.forEach((name, definition) -> {
            if (!map(definition, name).containsKey("Default")) {
                assertThat(create.parameters()).as("create-stack-set sets " + name).containsKey(name);
            }
        });
        assertThat(create.parameters()).containsEntry("RemediationMode", "DRY_RUN");
    }

    @Test
    void theSwitchToRemediateKeepsEveryOtherParameter() {
        AwsCommand update = only("update-stack-set");
        // An update that does not name a parameter does not keep its value.
        assertThat(update.parameters().keySet()).containsExactlyInAnyOrderElementsOf(parameters.keySet());
        Map<String, String> changed = new LinkedHashMap<>(update.parameters());
        changed.values().removeIf(Objects::isNull);
        assertThat(changed).as("the parameters the switch changes").containsExactlyEntriesOf(Map.of("RemediationMode", "REMEDIATE"));
    }

    @Test
    void stackSetsAcknowledgeExactlyTheCapabilitiesTheMemberTemplateNeeds() {
        boolean iam = false;
        boolean namedIam = false;
        for (Object resource : resources.values()) {
            if (IAM_TYPES.contains(String.valueOf(map(resource, "resource").get("Type")))) {
                iam = true;
                namedIam |= TemplateValues.optionalMap(map(resource, "resource").get("Properties")).keySet().stream()
                        .anyMatch(p -> p.endsWith("Name") && !p.equals("PolicyName"));
            }
        }
        List<String> needed = namedIam ? List.of("CAPABILITY_NAMED_IAM") : iam ? List.of("CAPABILITY_IAM") : List.of();
        for (String name : List.of("create-stack-set", "update-stack-set")) {
            assertThat(only(name).option("--capabilities")).as(name).containsExactlyElementsOf(needed);
        }
    }

    @Test
    void stackInstancesAreAddressedByOrganisationalUnit() {
        List<AwsCommand> instances = cloudFormationCommands().stream().filter(c -> c.name().endsWith("-stack-instances")).toList();
        assertThat(instances).isNotEmpty().allSatisfy(command -> {
            assertThat(command.options()).as(command.name() + ": --accounts is for self-managed stack sets").doesNotContainKey("--accounts");
            assertThat(command.option("--deployment-targets")).singleElement().asString().startsWith("OrganizationalUnitIds=ou-");
        });
    }

    @Test
    void theBucketPolicyLetsOnlyTheOrganisationReadTheCode() throws IOException {
        List<Block> json = blocks.stream().filter(b -> b.language().equals("json")).toList();
        assertThat(json).hasSize(1);
        Map<?, ?> policy = new ObjectMapper().readValue(json.get(0).text(), Map.class);
        assertThat(list(policy.get("Statement"))).singleElement().satisfies(statement -> {
            Map<String, Object> grant = map(statement, "statement");
            assertThat(grant).containsEntry("Effect", "Allow").containsEntry("Action", "s3:GetObject");
            assertThat(map(grant.get("Condition"), "Condition")).containsOnlyKeys("StringEquals");
            assertThat(map(map(grant.get("Condition"), "Condition").get("StringEquals"), "StringEquals"))
                    .containsOnlyKeys("aws:PrincipalOrgID");
        });
    }

    private static void assertAllowed(String name, String value) {
        Map<String, Object> definition = map(parameters.get(name), name);
        String where = name + "=" + value;
        if (definition.containsKey("AllowedValues")) {
            assertThat(list(definition.get("AllowedValues"))).as(where).contains(value);
        }
        if (definition.containsKey("AllowedPattern")) {
            assertThat(value).as(where).matches((String) definition.get("AllowedPattern"));
        }
        if (definition.containsKey("MaxLength")) {
            assertThat(value.length()).as(where).isLessThanOrEqualTo(((Number) definition.get("MaxLength")).intValue());
        }
    }

    private static AwsCommand only(String name) {
        List<AwsCommand> found = cloudFormationCommands().stream().filter(c -> c.name().equals(name)).toList();
        assertThat(found).as("aws cloudformation " + name + " in " + PAGE).hasSize(1);
        return found.get(0);
    }

    /** Every {@code aws cloudformation} command of the blocks that need an AWS account. */
    private static List<AwsCommand> cloudFormationCommands() {
        List<AwsCommand> commands = new ArrayList<>();
        for (Block block : blocks) {
            if (block.language().equals("sh") && !block.runsHere()) {
                for (String line : block.text().replaceAll("\\\\\\n\\s*", " ").split("\\n")) {
                    List<String> words = words(line.strip());
                    if (words.size() > 2 && words.get(0).equals("aws") && words.get(1).equals("cloudformation")) {
                        commands.add(parse(words.get(2), words.subList(3, words.size())));
                    }
                }
            }
        }
        return commands;
    }

    private static AwsCommand parse(String name, List<String> words) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> current = null;
        for (String word : words) {
            if (word.startsWith("--")) {
                current = new ArrayList<>();
                options.put(word, current);
            } else {
                assertThat(current).as(name + ": " + word + " follows no option").isNotNull();
                current.add(word);
            }
        }
        return new AwsCommand(name, options);
    }

    /** A shell line split into words the way bash splits it: quotes removed, variables left as written. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
