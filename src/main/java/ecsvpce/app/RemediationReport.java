package ecsvpce.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one invocation of the task-stopped function found and did; returned to the caller and
 * logged as one JSON line. Fields that do not apply are null and left out of the JSON.
 */
public record RemediationReport(
        Outcome outcome,
        Mode mode,
        String summary,
        TaskSummary task,
        String vpcId,
        String subnetId,
        FailureSummary failure,
        List<NeedSummary> needs,
        List<String> unservable,
        List<Finding> findings,
        List<ActionReport> actions,
        List<Finding> unfixed,
        List<String> notes,
        BigDecimal monthlyCostUsd,
        ErrorSummary error) {

    public static RemediationReport skipped(Mode mode, String reason, TaskSummary task) {
        return new RemediationReport(Outcome.SKIPPED, mode, "skipped: " + reason, task, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The same report, for a run that a permanent AWS failure cut short. */
    public RemediationReport failedWith(ErrorSummary failure) {
        return new RemediationReport(Outcome.FAILED, mode, failure.message(), task, vpcId, subnetId, this.failure,
                needs, unservable, findings, actions, unfixed, notes, monthlyCostUsd, failure);
    }

    /** The task as the report names it. */
    public record TaskSummary(String taskArn, String clusterArn, String taskDefinitionArn, String platformVersion,
                              String availabilityZone, List<String> securityGroups) {
    }

    /** The classified stop reason. */
    public record FailureSummary(@JsonProperty("class") String failureClass, EndpointService service,
                                 String explanation, String missingIamAction, String stoppedReason) {
    }

    /** A service the task needs, with every reason. */
    public record NeedSummary(EndpointService service, List<String> reasons) {
    }

}
