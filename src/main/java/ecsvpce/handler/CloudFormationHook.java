package ecsvpce.handler;

import static ecsvpce.handler.PayloadFields.bool;
import static ecsvpce.handler.PayloadFields.object;
import static ecsvpce.handler.PayloadFields.objects;
import static ecsvpce.handler.PayloadFields.string;
import static ecsvpce.handler.PayloadFields.strings;

import ecsvpce.app.CheckRequest;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.network.PublicIp;
import ecsvpce.report.CheckReport;
import ecsvpce.report.CheckReports;
import ecsvpce.report.CheckVerdict;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The check as a CloudFormation Lambda hook on {@code AWS::ECS::Service}, in the request and response
 * formats of the CloudFormation Hooks user guide (docs/preflight.md). It blocks only what it knows
 * will fail: WILL_FAIL answers FAILED (NonCompliant, with each finding's change); READY and
 * CANNOT_TELL answer SUCCESS, the message saying what could not be told; a transient failure asks to
 * be invoked again while it may; a request it cannot read answers FAILED (InternalFailure) with why.
 */
final class CloudFormationHook {
    static final String TARGET = "AWS::ECS::Service";
    /** CloudFormation cuts a hook's message at 4,096 characters. */
    static final int MESSAGE_LIMIT = 4096;
    /** A hook may answer IN_PROGRESS while it is invoked fewer than three times. */
    static final int INVOCATIONS = 3;
    static final int RETRY_DELAY_SECONDS = 10;
    static final int MAX_ANNOTATIONS = 20;
    /** The properties that decide what a service's tasks need at start-up and where they start. */
    private static final List<String> RELEVANT = List.of("TaskDefinition", "NetworkConfiguration", "PlatformVersion",
            "LaunchType", "CapacityProviderStrategy", "EnableExecuteCommand", "Cluster");

    private CloudFormationHook() {
    }

    /** What the hook answers, and the check behind it (none when nothing was checked). */
    record Answer(Map<String, Object> response, Optional<CheckReport> report) {
    }

    /** A hook's request rather than a check request: it names where in provisioning it runs. */
    static boolean isHookRequest(Map<String, Object> payload) {
        return payload.containsKey("actionInvocationPoint") || payload.containsKey("hookTypeName")
                || payload.containsKey("requestData");
    }

    static Answer answer(Map<String, Object> request, Function<CheckRequest, CheckReport> check) {
        String token = token(request);
        try {
            Map<String, Object> data = object(request, "requestData");
            if (data == null) {
                throw new IllegalArgumentException("it has no requestData");
            }
            String target = string(data, "targetName") != null ? string(data, "targetName") : string(data, "targetType");
            if (!TARGET.equals(target)) {
                return nothingToCheck(token, "not an " + TARGET + " (" + target + ")");
            }
            String point = string(request, "actionInvocationPoint");
            if ("DELETE_PRE_PROVISION".equals(point)) {
                return nothingToCheck(token, "deleting a service starts no task");
            }
            if (!"CREATE_PRE_PROVISION".equals(point) && !"UPDATE_PRE_PROVISION".equals(point)) {
                throw new IllegalArgumentException("actionInvocationPoint is " + point
                        + ", not CREATE_PRE_PROVISION, UPDATE_PRE_PROVISION or DELETE_PRE_PROVISION");
            }
            Map<String, Object> model = object(data, "targetModel");
            Map<String, Object> properties = model == null ? null : object(model, "resourceProperties");
            if (properties == null) {
                throw new IllegalArgumentException("it has no requestData.targetModel.resourceProperties");
            }
            Map<String, Object> previous = object(model, "previousResourceProperties");
            if ("UPDATE_PRE_PROVISION".equals(point) && previous != null
                    && RELEVANT.stream().allMatch(key -> Objects.equals(properties.get(key), previous.get(key)))) {
                return nothingToCheck(token, "the update changes neither what the service runs nor where");
            }
            Optional<String> notFargate = notFargate(properties);
            if (notFargate.isPresent()) {
                return nothingToCheck(token, notFargate.get());
            }
            String taskDefinition = string(properties, "TaskDefinition");
            if (taskDefinition == null) {
                return nothingToCheck(token, "the service names no TaskDefinition (an external deployment controller "
                        + "starts its tasks)");
            }
            Map<String, Object> network = object(properties, "NetworkConfiguration");
            Map<String, Object> awsvpc = network == null ? Map.of() : Objects.requireNonNullElse(
                    object(network, "AwsvpcConfiguration"), Map.of());
            // AssignPublicIp left out is CloudFormation's default, DISABLED.
            CheckReport report = check.apply(new CheckRequest.Launch(new CheckRequest.Named(taskDefinition),
                    strings(awsvpc, "Subnets"), strings(awsvpc, "SecurityGroups"), string(properties, "PlatformVersion"),
                    string(properties, "Cluster"), bool(properties, "EnableExecuteCommand", false),
                    PublicIp.of(Objects.requireNonNullElse(string(awsvpc, "AssignPublicIp"), "DISABLED"))));
            return new Answer(response(report, token, invocation(request)), Optional.of(report));
        } catch (IllegalArgumentException malformed) {
            return new Answer(answer("FAILED", "InternalFailure", "malformed hook request: " + malformed.getMessage(),
                    token), Optional.empty());
        }
    }

    /** Fargate by its launch type, or by a Fargate capacity provider; empty when it runs on Fargate. */
    private static Optional<String> notFargate(Map<String, Object> properties) {
        String launchType = string(properties, "LaunchType");
        List<Map<String, Object>> strategy = objects(properties, "CapacityProviderStrategy");
        if (launchType != null) {
            return launchType.equals("FARGATE") ? Optional.empty()
                    : Optional.of("launch type " + launchType + " is not Fargate");
        }
        if (!strategy.isEmpty()) {
            List<String> providers = strategy.stream().map(item -> string(item, "CapacityProvider")).toList();
            return providers.stream().anyMatch(p -> p != null && p.startsWith("FARGATE")) ? Optional.empty()
                    : Optional.of("capacity providers " + providers + " are not Fargate");
        }
        return Optional.of("neither LaunchType nor CapacityProviderStrategy is set: the cluster's default capacity "
                + "provider strategy decides where its tasks run, which the hook does not read");
    }

    private static Map<String, Object> response(CheckReport report, String token, int invocation) {
        if (report.verdict() == CheckVerdict.WILL_FAIL) {
            Map<String, Object> failed = answer("FAILED", "NonCompliant", report.summary() + ". Change: "
                    + String.join("; ", CheckReports.changes(report)), token);
            failed.put("annotations", annotations(report));
            return failed;
        }
        if (report.verdict() == CheckVerdict.CANNOT_TELL && Boolean.TRUE.equals(report.retryable())
                && invocation < INVOCATIONS) {
            Map<String, Object> again = answer("IN_PROGRESS", null, "asking again: " + report.summary(), token);
            again.put("callbackContext", Map.of("invocation", invocation));
            again.put("callbackDelaySeconds", RETRY_DELAY_SECONDS);
            return again;
        }
        return answer("SUCCESS", null, report.verdict() == CheckVerdict.READY ? report.summary()
                : "not blocked, as nothing is known to fail: " + report.summary(), token);
    }

    /** One per distinct blocking finding: what fails, and the change that settles it. */
    private static List<Map<String, Object>> annotations(CheckReport report) {
        Set<Finding> blocking = new LinkedHashSet<>();
        report.subnets().forEach(subnet -> subnet.findings().stream().filter(Finding::isBlocking).forEach(blocking::add));
        return blocking.stream().limit(MAX_ANNOTATIONS).map(finding -> {
            Map<String, Object> annotation = new LinkedHashMap<>();
            annotation.put("annotationName", finding.code().name()
                    + (finding.service() == null ? "" : "-" + finding.service().id()));
            annotation.put("status", "FAILED");
            annotation.put("statusMessage", finding.explanation());
            if (finding.fix() != null) {
                annotation.put("remediationMessage", finding.fix());
            }
            annotation.put("severityLevel", "HIGH");
            return annotation;
        }).toList();
    }

    private static Answer nothingToCheck(String token, String why) {
        return new Answer(answer("SUCCESS", null, why + ": nothing to check", token), Optional.empty());
    }

    private static Map<String, Object> answer(String status, String errorCode, String message, String token) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hookStatus", status);
        if (errorCode != null) {
            answer.put("errorCode", errorCode);
        }
        answer.put("message", message.length() <= MESSAGE_LIMIT ? message
                : message.substring(0, MESSAGE_LIMIT - 3) + "...");
        if (token != null) {
            answer.put("clientRequestToken", token);
        }
        return answer;
    }

    /** The guide spells it {@code clientRequestToken}, and {@code clientRequesttoken} in one syntax block: take either. */
    private static String token(Map<String, Object> request) {
        Object token = request.containsKey("clientRequestToken") ? request.get("clientRequestToken")
                : request.get("clientRequesttoken");
        return token instanceof String text ? text : null;
    }

    /** Which invocation this is (1 to 3); the first when the request does not say. */
    private static int invocation(Map<String, Object> request) {
        Object context = request.get("requestContext");
        Object invocation = context instanceof Map<?, ?> map ? map.get("invocation") : null;
        return invocation instanceof Number number ? number.intValue() : 1;
    }
}
