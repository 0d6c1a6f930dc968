package ecsvpce.report;

import ecsvpce.core.diagnosis.Finding;
import ecsvpce.report.VerificationReport.NetworkState;
import ecsvpce.report.VerificationReport.ServiceRecovery;
import ecsvpce.report.VerificationReport.Timeline;
import ecsvpce.report.VerificationReport.WorkloadCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the report of a follow-up check: its verdict (from {@link Verdicts}), summary and next steps. */
public final class VerificationReports {
    private VerificationReports() {
    }

    /**
     * What a check is about, as its message says.
     *
     * @param checksEndAt the first check at or after this time is the last (unless it just deployed a service)
     */
    public record Subject(String vpcId, String trigger, Instant failedAt, int check, int maxChecks, Instant checksEndAt) {

        /** @param deployedNow a new deployment was started by this check: one more check sees what came of it */
        boolean lastCheck(Instant checkedAt, boolean deployedNow) {
            return check >= maxChecks || !checkedAt.isBefore(checksEndAt) && !deployedNow;
        }
    }

    /**
     * What the check did about the services, and how far they came.
     *
     * @param stuck a service will not recover on its own (its deployment failed and launches no task)
     */
    public record Recovery(List<ServiceRecovery> services, Timeline timeline, boolean stuck) {
        public Recovery {
            services = List.copyOf(services);
        }

        static Recovery none() {
            return new Recovery(List.of(), null, false);
        }
    }

    /**
     * @param redoable   what the product would change again (something it made was undone)
     * @param forAPerson blocking findings no endpoint change fixes
     */
    public static VerificationReport checked(Subject subject, Instant checkedAt, List<WorkloadCheck> workloads,
                                             List<String> redoable, List<Finding> forAPerson, Recovery recovery) {
        Verdict verdict = Verdicts.of(new Verdicts.Facts(true, workloads.stream().anyMatch(w -> w.network() != NetworkState.GONE),
                has(workloads, NetworkState.BROKEN), has(workloads, NetworkState.PENDING),
                !recovering(workloads).isEmpty(), subject.lastCheck(checkedAt, recovery.services().stream()
                .anyMatch(service -> service.status() == RecoveryStatus.DEPLOYED)), recovery.stuck()));
        List<Finding> remaining = List.copyOf(workloads.stream().flatMap(w -> w.blocking().stream())
                .collect(LinkedHashSet<Finding>::new, LinkedHashSet::add, LinkedHashSet::addAll));
        Long seconds = verdict == Verdict.HEALED ? Duration.between(subject.failedAt(), checkedAt).toSeconds() : null;
        List<String> steps = new ArrayList<>(verdict == Verdict.STILL_BROKEN
                ? stillBrokenSteps(subject.vpcId(), workloads, redoable, forAPerson, RecoveryTexts.handled(recovery.services()))
                : List.of());
        steps.addAll(RecoveryTexts.steps(recovery.services()));
        return report(verdict, summary(verdict, subject, workloads, remaining, seconds)
                + RecoveryTexts.summary(recovery.services()), subject, checkedAt, seconds, workloads, remaining, steps,
                null, recovery);
    }

    /** The VPC no longer exists: nothing is left to heal. */
    public static VerificationReport gone(Subject subject, Instant checkedAt) {
        return report(Verdict.GONE, "gone: VPC " + subject.vpcId() + " no longer exists; nothing to check", subject,
                checkedAt, null, List.of(), List.of(), List.of(), null, Recovery.none());
    }

    /** AWS refused a read for good: nothing could be checked. */
    public static VerificationReport failed(Subject subject, Instant checkedAt, ErrorSummary error) {
        return report(Verdict.FAILED, error.message(), subject, checkedAt, null, List.of(), List.of(),
                error.kind() == ErrorSummary.Kind.ACCESS_DENIED
                        ? List.of("Grant " + error.iamAction() + " to the verify function's role (template.yaml), then redeploy")
                        : List.of(), error, Recovery.none());
    }

    /** The message is not a follow-up check: nothing was read, and it is not retried. */
    public static VerificationReport rejected(String why) {
        return new VerificationReport(Verdict.REJECTED, "rejected: " + why, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, why, null, List.of(), null);
    }

    /** A duration as people read it: {@code 45s}, {@code 6m 12s}, {@code 2h 05m}. */
    public static String readable(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h " + String.format("%02dm", seconds % 3600 / 60);
    }

    private static VerificationReport report(Verdict verdict, String summary, Subject subject, Instant checkedAt,
                                             Long recovery, List<WorkloadCheck> workloads, List<Finding> remaining,
                                             List<String> steps, ErrorSummary error, Recovery services) {
        return new VerificationReport(verdict, summary, subject.vpcId(), subject.trigger(),
                subject.failedAt().toString(), checkedAt.toString(), subject.check(), subject.maxChecks(), recovery,
                workloads, remaining, steps, error, null,
                subject.checksEndAt().toString(), services.services(),
                services.timeline());
    }

    private static String summary(Verdict verdict, Subject subject, List<WorkloadCheck> workloads,
                                  List<Finding> remaining, Long recovery) {
        String services = String.join(", ", workloads.stream().filter(w -> w.runningCount() != null)
                .map(w -> w.serviceName() + " runs " + w.runningCount() + " of " + w.desiredCount()).distinct().toList());
        String counts = services.isEmpty() ? "" : "; " + services;
        return switch (verdict) {
            case HEALED -> "healed: " + subject.vpcId() + " serves every need" + counts + ", "
                    + readable(recovery) + " after the failure at the latest";
            case PENDING -> "pending: " + waitingFor(workloads) + counts + " (check " + subject.check()
                    + "; checks end at " + subject.checksEndAt()
                    + ")";
            case STILL_BROKEN -> remaining.isEmpty()
                    ? "still broken after " + subject.check() + " checks: " + waitingFor(workloads) + counts
                    : "still broken: " + remaining.size() + " blocking finding(s) "
                            + remaining.stream().map(Finding::code).distinct().toList() + counts;
            case GONE -> "gone: the subnets checked in " + subject.vpcId() + " no longer exist; nothing to check";
            case REJECTED, FAILED -> throw new IllegalArgumentException(verdict + " has its own report");
        };
    }

    private static String waitingFor(List<WorkloadCheck> workloads) {
        List<String> waits = new ArrayList<>();
        if (has(workloads, NetworkState.PENDING)) {
            waits.add("endpoints still being created");
        }
        if (!recovering(workloads).isEmpty()) {
            waits.add("services still below their desired count");
        }
        return String.join(" and ", waits);
    }

    /** @param handled services whose recovery gives its own step, or that were deployed again already */
    private static List<String> stillBrokenSteps(String vpcId, List<WorkloadCheck> workloads, List<String> redoable,
                                                 List<Finding> forAPerson, Map<String, RecoveryStatus> handled) {
        List<String> steps = new ArrayList<>();
        if (!redoable.isEmpty()) {
            steps.add("Something the product made was undone. The next stopped task or scheduled sweep makes it again ("
                    + String.join("; ", redoable) + "); to do it now, run the sweep for this VPC: "
                    + "aws lambda invoke --function-name SWEEP_FUNCTION_ARN --cli-binary-format raw-in-base64-out "
                    + "--payload '{\"vpcIds\":[\"" + vpcId + "\"]}' sweep-report.json "
                    + "(SWEEP_FUNCTION_ARN: the stack output SweepFunctionArn)");
        }
        forAPerson.forEach(finding -> steps.add(finding.code() + (finding.resourceId() == null ? "" : " " + finding.resourceId())
                + ": " + finding.explanation()));
        if (has(workloads, NetworkState.PENDING)) {
            steps.add("Endpoints are still being created after every check: aws ec2 describe-vpc-endpoints "
                    + "--filters Name=vpc-id,Values=" + vpcId + " --query 'VpcEndpoints[?State!=`available`].[VpcEndpointId,State]'");
        }
        // A service waits for its network first: only once nothing blocks it is it the service's own problem.
        for (WorkloadCheck service : has(workloads, NetworkState.BROKEN) ? List.<WorkloadCheck>of() : recovering(workloads)) {
            RecoveryStatus recovery = handled.get(service.clusterArn() + "/" + service.serviceName());
            if (recovery == RecoveryStatus.ROLL_FORWARD_BY_HAND || recovery == RecoveryStatus.REFUSED) {
                continue;
            }
            String why = "why it fails now: aws ecs describe-services --cluster " + service.clusterArn() + " --services "
                    + service.serviceName() + " --query 'services[0].events[:5]'";
            steps.add("Service " + service.serviceName() + " still runs " + service.runningCount() + " of "
                    + service.desiredCount() + " tasks" + (recovery == RecoveryStatus.ALREADY_REDEPLOYED
                    ? " after a new deployment since the fix: " + why
                    : ": ECS backs off after failed starts, and a deployment circuit breaker may have rolled back. "
                    + "Start a new deployment: " + RecoveryCommands.forceNewDeployment(service.clusterArn(),
                    service.serviceName()) + "; " + why));
        }
        return steps;
    }

    private static boolean has(List<WorkloadCheck> workloads, NetworkState state) {
        return workloads.stream().anyMatch(w -> w.network() == state);
    }

    /**
     * The services below their desired count, each once (a service may span several subnets). A workload
     * whose subnet is gone has no count: its service is not waited for.
     */
    private static List<WorkloadCheck> recovering(List<WorkloadCheck> workloads) {
        Set<String> seen = new HashSet<>();
        return workloads.stream().filter(w -> w.runningCount() != null && w.runningCount() < w.desiredCount())
                .filter(w -> seen.add(w.clusterArn() + "/" + w.serviceName())).toList();
    }
}
