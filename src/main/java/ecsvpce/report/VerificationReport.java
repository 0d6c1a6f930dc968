package ecsvpce.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import java.util.List;

/**
 * What one follow-up check found: a verdict, what was checked, what remains and what a person can
 * change. Times are ISO-8601 texts. Any field but the verdict and summary may be null (a rejected
 * message has no VPC).
 *
 * @param check           which check this was, from 1
 * @param recoverySeconds when healed: seconds from the failure to this check (recovery came at or before it)
 * @param remaining       blocking findings still there, over every workload
 * @param nextSteps       the exact changes or commands for a person
 * @param rejectedInput   why a message was rejected
 * @param checksEndAt     the first check at or after this time is the last
 * @param recoveries      what the check did about each service of the follow-up, and why
 * @param timeline        from the first failed start to the services at their desired count, as far as seen
 */
@JsonPropertyOrder({"verdict", "summary"})
public record VerificationReport(Verdict verdict, String summary, String vpcId, String trigger, String failedAt,
                                 String checkedAt, Integer check, Integer maxChecks, Long recoverySeconds,
                                 List<WorkloadCheck> workloads, List<Finding> remaining, List<String> nextSteps,
                                 ErrorSummary error, String rejectedInput, String checksEndAt,
                                 List<ServiceRecovery> recoveries, Timeline timeline) {

    /** What the network in one subnet came to. */
    public enum NetworkState {
        /** Every need is served. */
        SERVES,
        /** Only endpoints still being created stand between the tasks and their needs. */
        PENDING,
        /** Blocking findings remain. */
        BROKEN,
        /** The subnet no longer exists. */
        GONE
    }

    /**
     * One workload checked: its subnet's network and, for a service, its counts.
     *
     * @param runningCount null for a standalone task, a service ECS no longer knows, or a subnet that is gone
     */
    public record WorkloadCheck(String subnetId, List<EndpointService> needs, NetworkState network,
                                List<Finding> blocking, String clusterArn, String serviceName,
                                Integer runningCount, Integer desiredCount) {
    }

    /**
     * What the check did about one service.
     *
     * @param deploymentId the deployment it started ({@code DEPLOYED}), or the one it found
     * @param command      what a person runs, when there is something to run
     */
    public record ServiceRecovery(String clusterArn, String serviceName, RecoveryStatus status, String explanation,
                                  String deploymentId, String command) {
    }

    /**
     * The outage as far as the checks saw it; times are ISO-8601, null until they happen. Times the checks
     * saw are upper bounds: it happened at or before the check.
     *
     * @param endpointsLiveAt the first check that saw every endpoint the fix made or changed available
     */
    public record Timeline(String failedAt, String appliedAt, String endpointsLiveAt, List<ServiceTimeline> services) {
    }

    /**
     * One service's way back.
     *
     * @param deployedAt       when ECS created the deployment the recovery started (ECS's own time)
     * @param firstRunningAt   the first check that saw a task of the service running
     * @param desiredCountAt   the first check that saw it run its desired count
     * @param recoverySeconds  from the first failed start to {@code desiredCountAt}
     */
    public record ServiceTimeline(String serviceName, String deploymentId, String deployedAt, String firstRunningAt,
                                  String desiredCountAt, Long recoverySeconds) {
    }
}
