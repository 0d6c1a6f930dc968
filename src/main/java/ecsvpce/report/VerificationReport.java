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
 */
@JsonPropertyOrder({"verdict", "summary"})
public record VerificationReport(Verdict verdict, String summary, String vpcId, String trigger, String failedAt,
                                 String checkedAt, Integer check, Integer maxChecks, Long recoverySeconds,
                                 List<WorkloadCheck> workloads, List<Finding> remaining, List<String> nextSteps,
                                 ErrorSummary error, String rejectedInput) {

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
}
