package ecsvpce.report;

import ecsvpce.core.VpcDecision;
import ecsvpce.core.WorkloadDiagnosis;
import ecsvpce.core.diagnosis.Diagnosis;
import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.needs.TaskNeeds;
import ecsvpce.core.plan.Plan;
import ecsvpce.report.CheckReport.Checked;
import ecsvpce.report.CheckReport.SubnetCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a check's report from the engine's decision: WILL_FAIL on any blocking finding, CANNOT_TELL
 * on a check that could not be made or decided, READY only when every check passes (the same bar as
 * a remediation's NOTHING_TO_DO).
 */
public final class CheckReports {
    private CheckReports() {
    }

    /** Nothing was decided: the reason says what could not be read, or what is wrong with the request. */
    public static CheckReport cannotTell(String account, String region, Checked checked, String reason,
                                         boolean retryable) {
        return new CheckReport(CheckVerdict.CANNOT_TELL, "CANNOT_TELL: " + reason, account, region, checked, null,
                List.of(), List.of(), List.of(), List.of(reason), retryable ? Boolean.TRUE : null, List.of(),
                BigDecimal.ZERO, List.of());
    }

    /**
     * @param what  the task definition or service, as the summary names it
     * @param notes what the reader should know about how it was checked (a default security group)
     */
    public static CheckReport decided(String account, String region, Checked checked, String what, TaskNeeds needs,
                                      VpcDecision decision, List<String> notes) {
        List<Diagnosis> diagnoses = decision.diagnoses().stream().map(WorkloadDiagnosis::diagnosis).toList();
        String vpcId = diagnoses.get(0).vpcId();
        Set<Finding> blocking = new LinkedHashSet<>();
        Set<Finding> unverified = new LinkedHashSet<>();
        diagnoses.forEach(diagnosis -> {
            blocking.addAll(diagnosis.blocking());
            unverified.addAll(diagnosis.unverified());
        });
        CheckVerdict verdict = !blocking.isEmpty() ? CheckVerdict.WILL_FAIL
                : !unverified.isEmpty() ? CheckVerdict.CANNOT_TELL : CheckVerdict.READY;
        String summary = switch (verdict) {
            case WILL_FAIL -> "WILL_FAIL: " + what + " will fail to start in " + vpcId + ": " + blocking.size()
                    + " blocking finding(s): " + names(blocking, vpcId);
            case CANNOT_TELL -> "CANNOT_TELL: no blocking finding for " + what + " in " + vpcId + ", but "
                    + unverified.size() + " check(s) could not be decided: " + names(unverified, vpcId);
            case READY -> "READY: " + what + (needs.endpoints().isEmpty() ? " needs no AWS service at start-up"
                    : " finds every start-up need served in " + vpcId + ": " + needs.endpoints().stream()
                    .map(need -> need.service().id()).collect(Collectors.joining(", ")));
        };
        Plan plan = decision.plan();
        List<ActionReport> remediation = plan.actions().stream().map(action -> new ActionReport(action.type().name(),
                action.describe(), ActionStatus.PLANNED, null, action.monthlyCostUsd())).toList();
        List<String> allNotes = new ArrayList<>(notes);
        plan.heldBack().forEach(held -> allNotes.add(held.explanation()));
        return new CheckReport(verdict, summary, account, region, checked, vpcId, TaskReports.needs(needs),
                TaskReports.unservable(needs), diagnoses.stream().map(d -> new SubnetCheck(d.subnetId(),
                d.availabilityZone(), d.routeTableId(), d.findings())).toList(),
                unverified.stream().map(Finding::explanation).toList(), null, remediation, plan.monthlyCostUsd(),
                allNotes);
    }

    /**
     * {@code CODE service (resource): fix} for each distinct blocking finding, in the order found: what
     * blocks, where, and the exact change that settles it.
     */
    public static List<String> changes(CheckReport report) {
        Set<Finding> blocking = new LinkedHashSet<>();
        report.subnets().forEach(subnet -> subnet.findings().stream().filter(Finding::isBlocking).forEach(blocking::add));
        return blocking.stream().map(f -> name(f, report.vpcId()) + (f.fix() == null ? "" : ": " + f.fix())).toList();
    }

    private static String names(Set<Finding> findings, String vpcId) {
        return findings.stream().map(f -> name(f, vpcId)).collect(Collectors.joining(", "));
    }

    /** {@code CODE service (resource)}; a finding about what is not there (a missing endpoint) is about its VPC. */
    private static String name(Finding finding, String vpcId) {
        return finding.code() + (finding.service() == null ? "" : " " + finding.service().id())
                + " (" + (finding.resourceId() == null ? vpcId : finding.resourceId()) + ")";
    }
}
