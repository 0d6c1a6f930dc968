package ecsvpce.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation the product's clients call, as IAM actions ({@code ec2:CreateVpcEndpoint}),
 * for assertions in the test that installed it. Every call of every test is also appended, with
 * the function that made it, to {@code target/aws-operations/}, where the least-privilege check
 * compares the suite's calls with each function's policy in the template.
 */
public final class CallRecorder implements ExecutionInterceptor {
    static final Path SUITE_LOG_DIRECTORY = Path.of("target", "aws-operations");
    private static final List<String> READ_PREFIXES = List.of("Describe", "List", "Get");
    /** SDK service names whose IAM prefix differs. */
    private static final java.util.Map<String, String> IAM_PREFIX = java.util.Map.of("eventbridge", "events");

    private final String function;
    private final List<String> calls = new ArrayList<>();

    /** @param function the template's logical ID of the function whose clients this records */
    public CallRecorder(String function) {
        this.function = function;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String action = iamAction(attributes);
        synchronized (calls) {
            calls.add(action);
        }
        appendToSuiteLog(function + " " + action);
    }

    /** The call as an IAM action, e.g. {@code events:ListTargetsByRule} for the SDK's EventBridge. */
    public static String iamAction(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
        return IAM_PREFIX.getOrDefault(service, service) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** Every call so far, in order. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Calls that change something (see {@link #isWrite}). */
    public List<String> writes() {
        return calls().stream().filter(call -> isWrite(call.substring(call.indexOf(':') + 1))).toList();
    }

    /** Whether an operation ({@code CreateVpcEndpoint}) changes something: anything but Describe*, List* and Get*. */
    public static boolean isWrite(String operation) {
        return READ_PREFIXES.stream().noneMatch(operation::startsWith);
    }

    public long count(String action) {
        return calls().stream().filter(action::equals).count();
    }

    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }

    private static void appendToSuiteLog(String line) {
        try {
            Files.createDirectories(SUITE_LOG_DIRECTORY);
            Files.writeString(SUITE_LOG_DIRECTORY.resolve("calls-" + ProcessHandle.current().pid() + ".log"),
                    line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record AWS calls under " + SUITE_LOG_DIRECTORY, e);
        }
    }
}
