package ecsvpce.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecsvpce.app.Settings;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.AwsClients.Connection;
import ecsvpce.aws.CannedAws;
import ecsvpce.core.plan.PlanSettings;
import ecsvpce.report.Mode;
import ecsvpce.support.Lambda;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Bad input never crashes the check and never writes: any JSON value, and the hook's sample with any
 * property replaced by any JSON value, is answered (a report, or the hook's answer) over an account
 * that answers every read ({@link CannedAws}), and every call made is a read.
 */
class CheckPayloadPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOOK_STATUSES = Set.of("SUCCESS", "FAILED", "IN_PROGRESS");

    private final List<String> operations = new ArrayList<>();
    private final CheckFunction function;

    CheckPayloadPropertiesTest() {
        Connection offline = Connection.offline(new CannedAws());
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        function = new CheckFunction(CheckComposition.of(new Settings(Mode.REMEDIATE, PlanSettings.defaults()),
                AwsClients.ec2(List.of(recorder), offline), AwsClients.ecs(List.of(recorder), offline),
                AwsClients.route53(List.of(recorder), offline), offline.regionId(), Clock.systemUTC()));
    }

    @Property(tries = 150)
    void anyJsonValueIsAnsweredWithAReportOrAHooksAnswer(@ForAll("values") JsonNode payload) throws Exception {
        Map<String, Object> answer = Lambda.invoke(function, JSON.writeValueAsString(payload));

        if (answer.containsKey("hookStatus")) {
            assertThat(payload.has("requestData")).as("only what looks like a hook's request is answered as one").isTrue();
            assertThat(HOOK_STATUSES).contains((String) answer.get("hookStatus"));
        } else {
            assertThat(answer.get("verdict")).isIn("READY", "WILL_FAIL", "CANNOT_TELL");
        }
        assertThat(operations).allMatch(operation -> operation.matches("(Describe|List)[A-Za-z]+"));
    }

    @Property(tries = 150)
    void anyPropertyOfAHookRequestReplacedIsAnsweredInTheHooksFormat(@ForAll("paths") String path,
                                                                      @ForAll("values") JsonNode value)
            throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Lambda.file("events/hook-ecs-service-create.json"));
        JsonNode parent = request.at(path.substring(0, path.lastIndexOf('/')));
        if (parent instanceof ObjectNode object) {
            object.set(path.substring(path.lastIndexOf('/') + 1), value);
        }

        Map<String, Object> answer = Lambda.invoke(function, JSON.writeValueAsString(request));

        assertThat(HOOK_STATUSES).contains((String) answer.get("hookStatus"));
        if ("FAILED".equals(answer.get("hookStatus"))) {
            assertThat(answer.get("errorCode")).isIn("NonCompliant", "InternalFailure");
        }
        assertThat(operations).allMatch(operation -> operation.matches("(Describe|List)[A-Za-z]+"));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/requestData", "/requestData/targetName", "/requestData/targetModel",
                "/requestData/targetModel/resourceProperties", "/requestData/targetModel/previousResourceProperties",
                "/requestData/targetModel/resourceProperties/TaskDefinition",
                "/requestData/targetModel/resourceProperties/LaunchType",
                "/requestData/targetModel/resourceProperties/CapacityProviderStrategy",
                "/requestData/targetModel/resourceProperties/PlatformVersion",
                "/requestData/targetModel/resourceProperties/EnableExecuteCommand",
                "/requestData/targetModel/resourceProperties/NetworkConfiguration",
                "/requestData/targetModel/resourceProperties/NetworkConfiguration/AwsvpcConfiguration",
                "/requestData/targetModel/resourceProperties/NetworkConfiguration/AwsvpcConfiguration/Subnets",
                "/requestData/targetModel/resourceProperties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups",
                "/actionInvocationPoint", "/clientRequestToken", "/requestContext", "/requestContext/invocation");
    }

    /** Any JSON value: scalars of every type, and arrays and objects of them, a few levels deep. */
    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of("FARGATE", "EC2", "true", "subnet-0000000000000000a", "CREATE_PRE_PROVISION")
                        .map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, this::nested, 0, 3);
    }

    private Arbitrary<JsonNode> nested(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(items -> {
            var array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of("taskDefinition", "subnets", "securityGroups",
                "service", "cluster", "requestData", "Subnets", "x"), inner).ofMaxSize(3).map(fields -> {
                    ObjectNode object = NODES.objectNode();
                    fields.forEach(object::set);
                    return object;
                });
        return Arbitraries.oneOf(inner, arrays, objects);
    }
}
