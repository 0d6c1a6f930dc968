package ecsvpce.report;

import static ecsvpce.report.Readables.text;

import com.fasterxml.jackson.databind.JsonNode;
import ecsvpce.report.Readable.Section;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A follow-up check's report as a person reads it: the verdict, what was looked at, what remains. */
final class VerificationReadable {
    private VerificationReadable() {
    }

    static Readable of(JsonNode report) {
        String verdict = text(report, "verdict", "");
        List<String> services = new ArrayList<>();
        report.path("workloads").forEach(w -> {
            if (w.hasNonNull("serviceName") && !services.contains(w.path("serviceName").asText())) {
                services.add(w.path("serviceName").asText());
            }
        });
        String vpc = text(report, "vpcId", null);
        String what = vpc == null ? null : vpc + (services.isEmpty() ? "" : " (" + String.join(", ", services) + ")");
        List<String> checked = new ArrayList<>();
        for (JsonNode workload : report.path("workloads")) {
            List<String> needs = new ArrayList<>();
            workload.path("needs").forEach(need -> needs.add(need.asText()));
            checked.add(text(workload, "subnetId", "") + " (" + String.join(", ", needs) + "): "
                    + network(text(workload, "network", ""))
                    + (workload.hasNonNull("serviceName") ? "; " + text(workload, "serviceName", "") + " "
                    + serviceState(workload) : ""));
        }
        List<String> about = new ArrayList<>();
        if (report.hasNonNull("trigger")) {
            about.add("After changes for " + text(report, "trigger", "") + ", failure seen at " + text(report, "failedAt", "")
                    + "; checked at " + text(report, "checkedAt", "") + " (check " + text(report, "check", "")
                    + "; checks end at " + text(report, "checksEndAt", "") + ")");
        }
        if (report.hasNonNull("recoverySeconds")) {
            about.add("Running again within " + VerificationReports.readable(report.path("recoverySeconds").asLong())
                    + " of the failure (the first check that saw it)");
        }
        List<Section> sections = List.of(
                new Section("Follow-up check", about),
                new Section("Timeline", report.path("timeline").isObject() ? timeline(report.path("timeline"))
                        : List.of()),
                new Section("Services", recoveries(report.path("recoveries"))),
                new Section("What was checked", Readables.capped(checked)),
                new Section("Still broken", Readables.findings(report.path("remaining"))),
                new Section("Rejected message", report.hasNonNull("rejectedInput")
                        ? List.of(text(report, "rejectedInput", "")) : List.of()),
                new Section("Follow-up and notification", Readables.delivery(report)));
        List<String> steps = new ArrayList<>();
        report.path("nextSteps").forEach(step -> steps.add(step.asText()));
        return new Readable(Readables.subject(verdict, what, report), Readables.headline(verdict, report),
                Readables.origin(report), sections, steps, Readables.labels(verdict, report));
    }

    /** What the check did about each service, the ones it deployed again first. */
    private static List<String> recoveries(JsonNode recoveries) {
        List<String> lines = new ArrayList<>();
        for (JsonNode service : recoveries) {
            lines.add(text(service, "serviceName", "") + ": " + text(service, "status", "") + ", "
                    + text(service, "explanation", ""));
        }
        return Readables.capped(lines);
    }

    /** The way back, each step with the time since the first failed start. */
    private static List<String> timeline(JsonNode timeline) {
        List<String> lines = new ArrayList<>();
        Instant failed = Instant.parse(text(timeline, "failedAt", ""));
        lines.add(failed.truncatedTo(ChronoUnit.SECONDS) + "  first failed start seen");
        lines.add(step(failed, text(timeline, "appliedAt", null), "fix applied"));
        lines.add(step(failed, text(timeline, "endpointsLiveAt", null), "endpoints live (by this check)"));
        for (JsonNode service : timeline.path("services")) {
            String name = text(service, "serviceName", "");
            if (service.hasNonNull("deployedAt")) {
                lines.add(step(failed, text(service, "deployedAt", null), name + ": new deployment "
                        + text(service, "deploymentId", "") + " started"));
            }
            lines.add(step(failed, text(service, "firstRunningAt", null), name + ": first task running (by this check)"));
            lines.add(step(failed, text(service, "desiredCountAt", null), name + ": at its desired count (by this check)"));
        }
        lines.removeIf(line -> line == null);
        return lines;
    }

    /** {@code 2025-06-12T08:16:31Z  what (+1m 39s)}: to the second, with the time since the first failed start. */
    private static String step(Instant failed, String at, String what) {
        if (at == null) {
            return null;
        }
        Instant when = Instant.parse(at);
        return when.truncatedTo(ChronoUnit.SECONDS) + "  " + what + " (+" + VerificationReports.readable(
                Math.max(0, Duration.between(failed, when).toSeconds())) + ")";
    }

    private static String network(String state) {
        return switch (state) {
            case "SERVES" -> "the network serves every need";
            case "PENDING" -> "endpoints still being created";
            case "BROKEN" -> "blocking findings remain";
            case "GONE" -> "the subnet no longer exists";
            default -> state;
        };
    }

    private static String serviceState(JsonNode workload) {
        if (workload.hasNonNull("runningCount")) {
            return "runs " + text(workload, "runningCount", "") + " of " + text(workload, "desiredCount", "");
        }
        // Where the subnet is gone the service is not asked about; elsewhere ECS no longer knows it.
        return "GONE".equals(text(workload, "network", "")) ? "was not asked about" : "is no longer known to ECS";
    }
}
