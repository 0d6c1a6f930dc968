package ecsvpce.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecsvpce.report.ReportText;
import ecsvpce.template.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker-free runner behind {@code scripts/local-invoke FUNCTION_ID EVENT_FILE}. The first JVM
 * reads template.yaml and starts a second one with the function's environment (a JVM cannot change
 * its own), which runs the handler exactly as the Lambda runtime would: no-argument constructor, the
 * event file's bytes as the payload, the handler's response printed as it wrote it.
 */
public final class LocalInvoke {
    private static final String IN_PROCESS = "--in-process";
    private static final String TEXT = "--text";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalInvoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals(IN_PROCESS)) {
            System.exit(runHandler(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5].equals(TEXT)));
        }
        boolean text = args.length == 3 && args[0].equals(TEXT);
        if (args.length != 2 && !text) {
            System.err.println("usage: scripts/local-invoke [--text] FUNCTION_ID EVENT_FILE");
            System.exit(2);
        }
        System.exit(launch(args[args.length - 2], Path.of(args[args.length - 1]), text));
    }

    /** Resolves the function in template.yaml and runs it in a child JVM with its environment. */
    static int launch(String functionId, Path eventFile, boolean text) throws Exception {
        SamTemplate template = SamTemplate.load();
        if (!template.functionIds().contains(functionId)
                || !(template.properties(functionId).get("Handler") instanceof String handler)) {
            System.err.println("template.yaml has no function " + functionId + " with a Handler; functions: "
                    + template.functionIds());
            return 2;
        }
        Map<String, Object> properties = template.properties(functionId);
        Object timeout = properties.getOrDefault("Timeout", template.functionGlobals().getOrDefault("Timeout", 3));
        Map<String, String> environment = new HashMap<>(template.functionEnvironment(functionId));
        environment.putAll(System.getenv());
        if (!environment.containsKey("AWS_REGION") && !environment.containsKey("AWS_DEFAULT_REGION")) {
            environment.put("AWS_REGION", "us-east-1");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalInvoke.class.getName(), IN_PROCESS, handler, eventFile.toString(), functionId,
                String.valueOf(timeout), text ? TEXT : "--json").inheritIO();
        child.environment().clear();
        child.environment().putAll(environment);
        return child.start().waitFor();
    }

    /**
     * Runs the handler once as the Lambda runtime runs a {@link RequestStreamHandler}: no-argument
     * constructor, the event file's bytes in; its response goes to stdout as it wrote it (or, with
     * {@code text}, as the readable report people are sent), everything it prints to stderr.
     */
    static int runHandler(String handler, Path eventFile, String functionId, int timeoutSeconds, boolean text)
            throws Exception {
        Class<?> type = Class.forName(handler.split("::")[0]);
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            System.err.println(type.getName() + " is no RequestStreamHandler");
            return 2;
        }
        byte[] payload = Files.readAllBytes(eventFile);
        PrintStream stdout = System.out;
        System.setOut(System.err);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            RequestStreamHandler function = (RequestStreamHandler) type.getConstructor().newInstance();
            function.handleRequest(new ByteArrayInputStream(payload), response, new LocalContext(functionId, timeoutSeconds));
        } catch (Exception e) {
            Throwable cause = e instanceof InvocationTargetException thrown ? thrown.getCause() : e;
            cause.printStackTrace(System.err);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorType", cause.getClass().getName());
            error.put("errorMessage", String.valueOf(cause.getMessage()));
            stdout.println(JSON.writeValueAsString(error));
            return 1;
        } finally {
            System.setOut(stdout);
        }
        String output = response.toString(StandardCharsets.UTF_8);
        output = text ? readable(output) : output;
        stdout.print(output.endsWith("\n") ? output : output + "\n");
        stdout.flush();
        return 0;
    }

    /** The report as people read it; several reports (a batch of follow-ups) one after the other. */
    private static String readable(String response) throws IOException {
        Map<String, Object> report = JSON.readValue(response, new TypeReference<Map<String, Object>>() { });
        List<Map<String, Object>> reports = report.get("reports") instanceof List<?>
                ? JSON.convertValue(report.get("reports"), new TypeReference<List<Map<String, Object>>>() { })
                : List.of(report);
        return String.join("\n", reports.stream().map(ReportText::of).toList());
    }

    /** What a handler may ask of its context when run locally. */
    private record LocalContext(String functionName, int timeoutSeconds, long startedAt) implements Context {
        LocalContext(String functionName, int timeoutSeconds) {
            this(functionName, timeoutSeconds, System.currentTimeMillis());
        }

        @Override public String getAwsRequestId() { return "local-" + startedAt; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() {
            return (int) Math.max(0, timeoutSeconds * 1000L - (System.currentTimeMillis() - startedAt));
        }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
                @Override public void log(String message) { System.err.print(message); }
                @Override public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
