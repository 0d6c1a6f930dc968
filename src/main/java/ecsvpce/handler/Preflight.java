package ecsvpce.handler;

import ecsvpce.app.DeployCheck;
import ecsvpce.report.CheckReport;
import ecsvpce.report.ReportJson;
import ecsvpce.report.ReportText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code scripts/preflight}: the check before a deploy from a pipeline or a laptop, with the caller's
 * own credentials and the SDK's standard settings. The arguments become the check function's payload
 * and go through the same parser, so both ask exactly the same question. Prints the readable report
 * (or its JSON with {@code --json}) on stdout, one line on stderr, and exits 0 READY, 1 WILL_FAIL,
 * 2 CANNOT_TELL or bad arguments. Never writes.
 */
public final class Preflight {
    static final String USAGE = "usage: scripts/preflight --task-definition TD --subnets subnet-a,subnet-b "
            + "[--security-groups sg-1,sg-2] [--platform-version 1.4.0] [--cluster C] [--enable-execute-command] "
            + "[--assign-public-ip ENABLED|DISABLED] [--json]"
            + " | --cluster C --service S [--json]; TD is an ARN, family:revision, family or file://task-definition.json";
    static final int BAD_ARGUMENTS = 2;
    /** scripts/preflight's own: a check rehearsed offline, so the JVM records the classes a check loads. */
    static final String RECORD_CLASSES = "--record-classes";
    private static final String FILE = "file://";
    private static final Map<String, String> VALUED = Map.of("--task-definition", CheckRequests.TASK_DEFINITION,
            "--subnets", CheckRequests.SUBNETS, "--security-groups", CheckRequests.SECURITY_GROUPS,
            "--platform-version", CheckRequests.PLATFORM_VERSION, "--cluster", CheckRequests.CLUSTER,
            "--service", CheckRequests.SERVICE, "--assign-public-ip", CheckRequests.ASSIGN_PUBLIC_IP);
    private static final List<String> LISTS = List.of(CheckRequests.SUBNETS, CheckRequests.SECURITY_GROUPS);

    private Preflight() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(RECORD_CLASSES)) {
            ReportText.of(Rehearsal.check().get(0));
            return;
        }
        System.exit(run(args, CheckComposition::forCommandLine, System.out, System.err));
    }

    /** @return the exit code */
    static int run(String[] args, Supplier<DeployCheck> check, PrintStream out, PrintStream err) {
        boolean json = Arrays.asList(args).contains("--json");
        Map<String, Object> payload;
        try {
            payload = payload(Arrays.stream(args).filter(arg -> !arg.equals("--json")).toList());
            CheckRequests.parse(payload);
        } catch (IllegalArgumentException badArguments) {
            err.println("preflight: " + badArguments.getMessage() + " (" + USAGE + ")");
            return BAD_ARGUMENTS;
        }
        CheckReport report;
        try {
            report = check.get().check(CheckRequests.parse(payload));
        } catch (RuntimeException cannotConnect) {
            // No Region or no credentials anywhere the SDK looks: nothing was read.
            err.println("preflight: CANNOT_TELL: " + cannotConnect.getMessage());
            return BAD_ARGUMENTS;
        }
        Map<String, Object> map = ReportJson.toMap(report);
        if (json) {
            ReportJson.log(map, out);
        } else {
            out.print(ReportText.of(map));
        }
        out.flush();
        err.println("preflight: " + report.summary());
        return report.verdict().ordinal();
    }

    /** The arguments as the check function's payload. */
    static Map<String, Object> payload(List<String> args) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--enable-execute-command")) {
                payload.put(CheckRequests.EXECUTE_COMMAND, true);
                continue;
            }
            String key = VALUED.get(option);
            if (key == null) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank() || payload.containsKey(key)) {
                throw new IllegalArgumentException(option + (value == null || value.isBlank() ? " needs a value"
                        : " is given twice"));
            }
            payload.put(key, LISTS.contains(key) ? List.of(value.split(",", -1))
                    : key.equals(CheckRequests.TASK_DEFINITION) && value.startsWith(FILE) ? document(value) : value);
        }
        if (payload.containsKey(CheckRequests.TASK_DEFINITION) || payload.containsKey(CheckRequests.DOCUMENT)) {
            if (!payload.containsKey(CheckRequests.SUBNETS)) {
                throw new IllegalArgumentException("--subnets is missing");
            }
        } else if (!payload.containsKey(CheckRequests.SERVICE)) {
            throw new IllegalArgumentException("name --task-definition and --subnets, or --cluster and --service");
        }
        if (payload.get(CheckRequests.TASK_DEFINITION) instanceof Map<?, ?> document) {
            payload.remove(CheckRequests.TASK_DEFINITION);
            payload.put(CheckRequests.DOCUMENT, document);
        }
        return payload;
    }

    /** A task definition document read from a file, as the AWS CLI reads {@code file://} arguments. */
    private static Map<String, Object> document(String value) {
        Path file = Path.of(value.substring(FILE.length()));
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        RawPayload.Payload read = RawPayload.parse(text);
        if (read instanceof RawPayload.Unreadable unreadable) {
            throw new IllegalArgumentException(file + ": " + unreadable.reason().replaceFirst("^the payload", "the file"));
        }
        Map<String, Object> document = ((RawPayload.Read) read).object();
        if (document == null) {
            throw new IllegalArgumentException(file + " holds no JSON object");
        }
        return document;
    }
}
