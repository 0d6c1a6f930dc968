package ecsvpce.races;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Injects faults into an SDK client's calls, inside the SDK's retry loop, so the product's own
 * retry strategy meets them. Hooks that run once per attempt (the SDK's
 * {@code ExecutionInterceptor} contract): {@code beforeTransmission}, {@code afterTransmission},
 * {@code modifyHttpResponse} and {@code modifyHttpResponseContent}; every other hook runs once per
 * call, outside the retries.
 *
 * <ul>
 *   <li>an error answer: {@code modifyHttpResponse} turns moto's answer into the service's error
 *       (status, and the body in the service's protocol: EC2 query XML, ECS JSON 1.1), after moto
 *       has acted on the request, as when AWS applies a write and then answers 5xx;</li>
 *   <li>a timeout before the request leaves ({@code beforeTransmission}): moto never sees it;</li>
 *   <li>a timeout after moto acted ({@code modifyHttpResponse} throws): the answer is lost;</li>
 *   <li>a kill: the invocation dies there (an {@link Error}, as the end of a Lambda's time or
 *       memory), before the request leaves or after moto acted.</li>
 * </ul>
 *
 * <p>Rules apply to the first N attempts of an operation in this client, over all its calls.
 * Every attempt is counted, per call, for assertions.
 */
final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("ecsvpce.faults.attempt");
    private static final ExecutionAttribute<Fault> FAULT = new ExecutionAttribute<>("ecsvpce.faults.fault");

    /** What the service answers, or what happens instead. */
    enum Fault {
        /** EC2's throttling: HTTP 503, {@code RequestLimitExceeded}. */
        EC2_REQUEST_LIMIT_EXCEEDED(503, "RequestLimitExceeded", "Request limit exceeded."),
        /** EC2's internal error: HTTP 500, {@code InternalError}. */
        EC2_INTERNAL_ERROR(500, "InternalError", "An internal error has occurred"),
        /** EC2 overloaded: HTTP 503, {@code Unavailable}. */
        EC2_UNAVAILABLE(503, "Unavailable", "The server is overloaded and can't handle the request"),
        /** ECS's throttling: HTTP 400, {@code ThrottlingException}. */
        ECS_THROTTLING(400, "ThrottlingException", "Rate exceeded"),
        /** ECS's server error: HTTP 500, {@code ServerException}. */
        ECS_SERVER_ERROR(500, "ServerException", "Service Unavailable"),
        /** The connection times out before the request is sent. */
        TIMEOUT_BEFORE_SENDING(0, null, "connect timed out"),
        /** The read times out after the service acted on the request. */
        TIMEOUT_AFTER_SERVICE_ACTED(0, null, "Read timed out"),
        /** The invocation dies before the request is sent. */
        KILL_BEFORE_SENDING(0, null, "killed before sending"),
        /** The invocation dies after the service acted on the request. */
        KILL_AFTER_SERVICE_ACTED(0, null, "killed after the service acted");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        boolean isAnswer() {
            return code != null;
        }
    }

    /** The end of an invocation: not an exception anyone catches. */
    static final class InvocationKilled extends Error {
        private static final long serialVersionUID = 1L;

        InvocationKilled(String message) {
            super(message);
        }
    }

    /** One call: its operation, how many attempts it made, and how it ended. */
    record CallRecord(String operation, int attempts, boolean succeeded) {
    }

    private record Rule(String operation, int times, Fault fault) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Integer> attemptsByOperation = new LinkedHashMap<>();
    private final Map<String, Integer> faultsByOperation = new LinkedHashMap<>();
    private final List<CallRecord> calls = new ArrayList<>();

    /** The first {@code times} attempts of {@code operation} (e.g. {@code CreateVpcEndpoint}) meet this fault. */
    synchronized FaultInjector on(String operation, int times, Fault fault) {
        rules.add(new Rule(operation, times, fault));
        return this;
    }

    synchronized void clear() {
        rules.clear();
    }

    /** Every finished call, in order. */
    synchronized List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    synchronized List<CallRecord> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** Attempts of an operation over all its calls. */
    synchronized int attempts(String operation) {
        return attemptsByOperation.getOrDefault(operation, 0);
    }

    synchronized int faults(String operation) {
        return faultsByOperation.getOrDefault(operation, 0);
    }

    // ------------------------------------------------------------------------------------------ hooks

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Fault fault;
        synchronized (this) {
            attributes.putAttribute(ATTEMPT, attributes.getOptionalAttribute(ATTEMPT).orElse(0) + 1);
            int attempt = attemptsByOperation.merge(operation, 1, Integer::sum);
            fault = faultFor(operation, attempt);
            if (fault != null) {
                faultsByOperation.merge(operation, 1, Integer::sum);
            }
        }
        attributes.putAttribute(FAULT, fault);
        if (fault == Fault.TIMEOUT_BEFORE_SENDING) {
            // What the HTTP client's IOException becomes in the SDK: a client exception caused by it.
            throw SdkClientException.create("Unable to execute HTTP request: " + fault.message,
                    new SocketTimeoutException(fault.message));
        }
        if (fault == Fault.KILL_BEFORE_SENDING) {
            throw new InvocationKilled(operation + ": " + fault.message);
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Fault fault = attributes.getOptionalAttribute(FAULT).orElse(null);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (fault == Fault.TIMEOUT_AFTER_SERVICE_ACTED) {
            throw SdkClientException.create("Unable to execute HTTP request: " + fault.message,
                    new SocketTimeoutException(fault.message));
        }
        if (fault == Fault.KILL_AFTER_SERVICE_ACTED) {
            throw new InvocationKilled(operation + ": " + fault.message);
        }
        if (fault == null || !fault.isAnswer()) {
            return context.httpResponse();
        }
        boolean json = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).equalsIgnoreCase("ECS");
        byte[] body = body(fault, json);
        return context.httpResponse().toBuilder()
                .statusCode(fault.status)
                .statusText(fault.code)
                .removeHeader("Content-Length")
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("Content-Type", json ? "application/x-amz-json-1.1" : "text/xml;charset=UTF-8")
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Fault fault = attributes.getOptionalAttribute(FAULT).orElse(null);
        if (fault == null || !fault.isAnswer()) {
            return context.responseBody();
        }
        boolean json = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).equalsIgnoreCase("ECS");
        return Optional.of(new ByteArrayInputStream(body(fault, json)));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, true);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, false);
    }

    // ------------------------------------------------------------------------------------------

    private void record(ExecutionAttributes attributes, boolean succeeded) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (this) {
            calls.add(new CallRecord(operation, attributes.getOptionalAttribute(ATTEMPT).orElse(0), succeeded));
        }
    }

    private Fault faultFor(String operation, int attempt) {
        int before = 0;
        for (Rule rule : rules) {
            if (rule.operation().equals(operation)) {
                if (attempt <= before + rule.times()) {
                    return rule.fault();
                }
                before += rule.times();
            }
        }
        return null;
    }

    /** The error body in the service's protocol, as AWS sends it. */
    private static byte[] body(Fault fault, boolean json) {
        String text = json
                ? "{\"__type\":\"" + fault.code + "\",\"message\":\"" + fault.message + "\"}"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + fault.code
                        + "</Code><Message>" + fault.message + "</Message></Error></Errors>"
                        + "<RequestID>00000000-fault-injected</RequestID></Response>";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
