package ecsvpce.report;

import ecsvpce.report.VerificationReport.ServiceRecovery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a follow-up check's recovery of services reads in its summary and next steps. */
final class RecoveryTexts {
    private RecoveryTexts() {
    }

    /** What the check did or would do, after the verdict's summary; empty when it did nothing worth a headline. */
    static String summary(List<ServiceRecovery> services) {
        List<String> said = new ArrayList<>();
        for (ServiceRecovery service : services) {
            switch (service.status()) {
                case DEPLOYED -> said.add("started a new deployment of " + service.serviceName());
                case WOULD_DEPLOY -> said.add("would start a new deployment of " + service.serviceName() + " (dry run)");
                case ROLL_FORWARD_BY_HAND -> said.add(service.serviceName() + " needs rolling forward by hand");
                case REFUSED -> said.add("a new deployment of " + service.serviceName() + " was refused");
                default -> {
                    // Waiting, already done, left alone: the recoveries list says why.
                }
            }
        }
        return said.isEmpty() ? "" : "; " + String.join(", ", said);
    }

    /** The commands a person runs: roll forward, deploy after a refusal, or what a dry run would have done. */
    static List<String> steps(List<ServiceRecovery> services) {
        List<String> steps = new ArrayList<>();
        for (ServiceRecovery service : services) {
            switch (service.status()) {
                case ROLL_FORWARD_BY_HAND -> steps.add("Service " + service.serviceName() + ": " + service.explanation()
                        + ": " + service.command());
                case REFUSED -> steps.add("Service " + service.serviceName() + ": the new deployment was refused ("
                        + service.explanation() + "); once that is settled: " + service.command());
                case WOULD_DEPLOY -> steps.add("Service " + service.serviceName() + " (dry run): to leave ECS's back-off "
                        + "now, start a new deployment: " + service.command());
                default -> {
                    // Nothing for a person to run.
                }
            }
        }
        return steps;
    }

    /** Each service's recovery status by {@code clusterArn/serviceName}. */
    static Map<String, RecoveryStatus> handled(List<ServiceRecovery> services) {
        Map<String, RecoveryStatus> statuses = new LinkedHashMap<>();
        services.forEach(service -> statuses.put(service.clusterArn() + "/" + service.serviceName(), service.status()));
        return statuses;
    }
}
