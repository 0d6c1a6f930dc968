package ecsvpce.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.report.TaskReport.NeedSummary;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a check before a deploy: read only, the same engine as a remediation. Returned by
 * the check function, printed by {@code scripts/preflight}, and what the CloudFormation hook's
 * answer is made of.
 *
 * @param account     the account checked, when an ARN names it
 * @param cannotTell  what could not be read or decided (verdict {@code CANNOT_TELL})
 * @param retryable   true when what could not be read was a transient AWS failure: asking again may tell
 * @param remediation what the remediator would change, in {@code REMEDIATE}, to settle the blocking findings it may fix
 */
@JsonPropertyOrder({"verdict", "summary"})
public record CheckReport(CheckVerdict verdict, String summary, String account, String region, Checked checked,
                          String vpcId, List<NeedSummary> needs, List<String> unservable, List<SubnetCheck> subnets,
                          List<String> cannotTell, Boolean retryable, List<ActionReport> remediation,
                          BigDecimal monthlyCostUsd, List<String> notes) {

    /**
     * What was checked, as far as it is known.
     *
     * @param taskDefinition its ARN once read, else what was asked for
     * @param platformVersion null: {@code LATEST}
     */
    public record Checked(String taskDefinition, String service, String cluster, String platformVersion,
                          List<String> subnets, List<String> securityGroups, boolean executeCommand) {
    }

    /** One subnet the tasks may start in, and what it lacks for them. */
    public record SubnetCheck(String subnetId, String availabilityZone, String routeTableId, List<Finding> findings) {
    }
}
