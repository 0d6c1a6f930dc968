package ecsvpce.app;

import ecsvpce.core.diagnosis.Finding;
import ecsvpce.core.diagnosis.Severity;
import ecsvpce.report.ActionReport;
import ecsvpce.report.ErrorSummary;
import ecsvpce.report.SweepReport;
import ecsvpce.report.TaskReport;
import ecsvpce.report.Verdict;
import ecsvpce.report.VerificationReport;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which reports people are told about, and when two reports tell the same thing. Told: changes
 * applied, changes planned in a dry run, what needs a person, failures, and the follow-up verdicts.
 * Not told: skips, nothing to do, a check that is still pending, a message that was not a check.
 * The key names what a person would read, without what differs from event to event of one storm
 * (the task, the time): twenty tasks failing on the same gap give one key. Pure.
 */
final class NoticePolicy {
    private static final Pattern REVISION = Pattern.compile(":[0-9]+$");

    private NoticePolicy() {
    }

    /** The notice's key, or empty when the report is not told. */
    static Optional<String> task(TaskReport report) {
        if (report instanceof TaskReport.Failed failed) {
            return Optional.of(key("task", "FAILED", error(failed.error())));
        }
        if (!(report instanceof TaskReport.Examined examined)) {
            return Optional.empty();
        }
        return switch (examined.outcome()) {
            case NOTHING_TO_DO, SKIPPED -> Optional.empty();
            case REMEDIATED, PLANNED -> Optional.of(key("task", examined.outcome().name(), examined.vpcId(),
                    actions(examined.actions())));
            case NOT_FIXABLE_BY_ENDPOINTS -> Optional.of(key("task", examined.outcome().name(), examined.vpcId(),
                    examined.failure().failureClass(), examined.failure().missingIamAction(),
                    networkClass(examined) ? "" : family(examined.task().taskDefinitionArn()),
                    findings(forAPerson(examined)), String.join(",", examined.unservable())));
            case FAILED -> Optional.of(key("task", "FAILED", examined.vpcId(), error(examined.error()),
                    actions(examined.actions())));
        };
    }

    static Optional<String> sweep(SweepReport report) {
        if (report instanceof SweepReport.Failed failed) {
            return Optional.of(key("sweep", "FAILED", error(failed.error())));
        }
        // A VPC with a non-compliant service, or one that could not be read or changed, is not compliant;
        // an idle endpoint, or one removed or marked, is told too.
        if (!(report instanceof SweepReport.Swept swept)
                || swept.unreadable().isEmpty() && swept.vpcs().stream().allMatch(SweepReport.VpcReport::compliant)
                && idleEndpoints(swept).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key("sweep", swept.mode().name(), swept.vpcs().stream()
                        .filter(vpc -> !vpc.compliant())
                        .map(vpc -> key(vpc.vpcId(), actions(vpc.actions()), findings(vpc.unfixed()), error(vpc.error())))
                        .collect(Collectors.joining(";")),
                swept.unreadable().stream().map(SweepReport.Unreadable::resource).collect(Collectors.joining(",")),
                idleEndpoints(swept)));
    }

    /** Every verdict but pending and rejected; the same check delivered twice by SQS is told once. */
    static Optional<String> verification(VerificationReport report) {
        if (report.verdict() == Verdict.PENDING || report.verdict() == Verdict.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(key("verify", report.verdict().name(), report.vpcId(), report.trigger(), report.failedAt(),
                String.valueOf(report.check())));
    }

    /**
     * The key shared by every environment through the ledger: a fix, and a follow-up's verdict, are told once
     * per incident, whichever environment applied which part of it (concurrent fixes of one VPC differ in
     * the changes each made, and each queues its own check); every other key is as it is.
     */
    static String perIncident(String key, String incidentId) {
        if (!key.startsWith("task|REMEDIATED|") && !key.startsWith("verify|")) {
            return key;
        }
        String[] parts = key.split("\\|", 4);
        return key(parts[0], parts[1], parts[2], "incident " + incidentId);
    }

    /** Idle endpoints and what became of each, or empty. */
    private static String idleEndpoints(SweepReport.Swept swept) {
        if (swept.endpointCosts() == null) {
            return "";
        }
        return swept.endpointCosts().endpoints().stream()
                .filter(line -> "IDLE".equals(line.status()) || line.error() != null)
                .map(line -> line.endpointId() + " " + line.removal()).collect(Collectors.joining(","));
    }

    private static boolean networkClass(TaskReport.Examined examined) {
        return List.of("NETWORK", "UNKNOWN").contains(examined.failure().failureClass());
    }

    /** {@code arn:...:task-definition/family} of {@code arn:...:task-definition/family:revision}: revisions of one definition fail alike. */
    private static String family(String taskDefinitionArn) {
        return taskDefinitionArn == null ? null : REVISION.matcher(taskDefinitionArn).replaceFirst("");
    }

    private static String actions(List<ActionReport> actions) {
        return actions.stream().map(a -> a.status() + " " + a.type() + " " + a.description()
                + (a.resourceId() == null ? "" : " " + a.resourceId())).collect(Collectors.joining(","));
    }

    /** What a person is asked to look at: the blocking findings left unfixed and the checks left undecided. */
    private static List<Finding> forAPerson(TaskReport.Examined examined) {
        return Stream.concat(examined.unfixed().stream(),
                examined.findings().stream().filter(f -> f.severity() == Severity.UNVERIFIED)).toList();
    }

    private static String findings(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " " + f.service() + " " + f.resourceId()).sorted()
                .collect(Collectors.joining(","));
    }

    private static String error(ErrorSummary error) {
        return error == null ? "" : error.iamAction() + " " + error.code();
    }

    private static String key(String... parts) {
        return Stream.of(parts).map(part -> part == null ? "" : part).collect(Collectors.joining("|"));
    }
}
