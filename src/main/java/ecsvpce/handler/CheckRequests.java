package ecsvpce.handler;

import static ecsvpce.handler.PayloadFields.bool;
import static ecsvpce.handler.PayloadFields.object;
import static ecsvpce.handler.PayloadFields.onlyKeys;
import static ecsvpce.handler.PayloadFields.string;
import static ecsvpce.handler.PayloadFields.strings;

import ecsvpce.app.CheckRequest;
import ecsvpce.core.network.PublicIp;
import java.util.Map;
import java.util.Set;

/**
 * The check function's payload, the same request {@code scripts/preflight} makes:
 * <pre>{@code
 * {"taskDefinition": "app:3", "subnets": ["subnet-a"], "securityGroups": ["sg-1"],
 *  "platformVersion": "1.4.0", "cluster": "prod", "enableExecuteCommand": false, "assignPublicIp": "DISABLED"}
 * {"taskDefinitionDocument": {...register-task-definition JSON...}, "subnets": [...], ...}
 * {"cluster": "prod", "service": "web"}
 * }</pre>
 */
final class CheckRequests {
    static final String TASK_DEFINITION = "taskDefinition";
    static final String DOCUMENT = "taskDefinitionDocument";
    static final String SUBNETS = "subnets";
    static final String SECURITY_GROUPS = "securityGroups";
    static final String PLATFORM_VERSION = "platformVersion";
    static final String CLUSTER = "cluster";
    static final String SERVICE = "service";
    static final String EXECUTE_COMMAND = "enableExecuteCommand";
    static final String ASSIGN_PUBLIC_IP = "assignPublicIp";
    private static final Set<String> LAUNCH_KEYS = Set.of(TASK_DEFINITION, DOCUMENT, SUBNETS, SECURITY_GROUPS,
            PLATFORM_VERSION, CLUSTER, EXECUTE_COMMAND, ASSIGN_PUBLIC_IP);
    private static final String SHAPES = "a check takes {\"taskDefinition\" (or \"taskDefinitionDocument\"), "
            + "\"subnets\", \"securityGroups\", \"platformVersion\", \"cluster\", \"enableExecuteCommand\", "
            + "\"assignPublicIp\"} or {\"cluster\", \"service\"}";

    private CheckRequests() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the request */
    static CheckRequest parse(Map<String, Object> payload) {
        if (payload.containsKey(SERVICE)) {
            onlyKeys(payload, Set.of(CLUSTER, SERVICE), "a check of a service");
            return new CheckRequest.OfService(string(payload, CLUSTER), required(payload, SERVICE));
        }
        onlyKeys(payload, LAUNCH_KEYS, "a check");
        boolean named = payload.get(TASK_DEFINITION) != null;
        if (named == (payload.get(DOCUMENT) != null)) {
            throw new IllegalArgumentException(SHAPES + ": name the task definition or give its document, once");
        }
        CheckRequest.Definition definition = named ? new CheckRequest.Named(string(payload, TASK_DEFINITION))
                : new CheckRequest.Document(TaskDefinitionDocument.parse(object(payload, DOCUMENT)));
        return new CheckRequest.Launch(definition, strings(payload, SUBNETS), strings(payload, SECURITY_GROUPS),
                string(payload, PLATFORM_VERSION), string(payload, CLUSTER), bool(payload, EXECUTE_COMMAND, false),
                publicIp(string(payload, ASSIGN_PUBLIC_IP)));
    }

    /** Not given: UNKNOWN, so an internet gateway still counts as the tasks' way out. */
    private static PublicIp publicIp(String assignPublicIp) {
        PublicIp publicIp = PublicIp.of(assignPublicIp);
        if (assignPublicIp != null && publicIp == PublicIp.UNKNOWN) {
            throw new IllegalArgumentException(ASSIGN_PUBLIC_IP + " is " + assignPublicIp + ", not ENABLED or DISABLED");
        }
        return publicIp;
    }

    private static String required(Map<String, Object> payload, String key) {
        String value = string(payload, key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing: " + SHAPES);
        }
        return value;
    }
}
