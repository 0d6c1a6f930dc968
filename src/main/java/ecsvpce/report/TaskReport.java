package ecsvpce.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one invocation of the task-stopped function found and did; returned to the caller and
 * logged as one JSON line ({@link ReportJson}). One variant per way an invocation can end.
 */
@JsonPropertyOrder({"outcome", "mode", "summary"})
public sealed interface TaskReport permits TaskReport.Skipped, TaskReport.Failed, TaskReport.Examined {

    @JsonProperty("outcome")
    Outcome outcome();

    Mode mode();

    @JsonProperty("summary")
    String summary();

    static Skipped skipped(Mode mode, String reason, TaskSummary task) {
        return new Skipped(mode, "skipped: " + reason, task);
    }

    /** Not ours, malformed, stale or opted out: nothing was read beyond checking it, nothing changed. */
    record Skipped(Mode mode, String summary, TaskSummary task) implements TaskReport {
        @Override
        public Outcome outcome() {
            return Outcome.SKIPPED;
        }
    }

    /** AWS refused a call for good before the network was examined; nothing was changed. */
    record Failed(Mode mode, TaskSummary task, String subnetId, ErrorSummary error) implements TaskReport {
        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }

        @Override
        public String summary() {
            return error.message();
        }
    }

    /**
     * The task's network was examined, and changed unless the outcome says otherwise.
     *
     * @param error the failure that cut the changes short (outcome {@code FAILED}), else null
     */
    record Examined(Outcome outcome, Mode mode, String summary, TaskSummary task, String vpcId, String subnetId,
                    FailureSummary failure, List<NeedSummary> needs, List<String> unservable,
                    List<Finding> findings, List<ActionReport> actions, List<Finding> unfixed, List<String> notes,
                    BigDecimal monthlyCostUsd, ErrorSummary error) implements TaskReport {
    }

    /**
     * The task as a report names it.
     *
     * @param serviceName the service that started the task, null for a standalone task
     */
    record TaskSummary(String taskArn, String clusterArn, String taskDefinitionArn, String platformVersion,
                       String availabilityZone, List<String> securityGroups, String serviceName) {
    }

    /** The classified stop reason. */
    record FailureSummary(@JsonProperty("class") String failureClass, EndpointService service,
                          String explanation, String missingIamAction, String stoppedReason) {
    }

    /** A service the task needs, with every reason. */
    record NeedSummary(EndpointService service, List<String> reasons) {
    }
}
