package ecsvpce.app;

import ecsvpce.app.port.Incident;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A month in a few lines: how many incidents began, how long recovery took (median and worst, of those
 * healed), which VPCs broke more than once, and what the product created then and what it costs a
 * month. Pure.
 */
final class MonthlySummary {
    private MonthlySummary() {
    }

    /** @param incidents the incidents whose first failure was in {@code month}, open or closed */
    static Map<String, Object> of(YearMonth month, List<Incident> incidents) {
        List<Long> recoveries = incidents.stream().flatMap(incident -> incident.recoverySeconds().stream()).sorted().toList();
        Map<String, Long> perVpc = incidents.stream()
                .collect(Collectors.groupingBy(Incident::vpcId, TreeMap::new, Collectors.counting()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("month", month.toString());
        summary.put("incidents", incidents.size());
        summary.put("stillOpen", incidents.stream().filter(Incident::open).count());
        summary.put("recovered", recoveries.size());
        if (!recoveries.isEmpty()) {
            summary.put("medianRecoverySeconds", median(recoveries));
            summary.put("worstRecoverySeconds", recoveries.get(recoveries.size() - 1));
        }
        summary.put("vpcsBrokenMoreThanOnce", perVpc.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        summary.put("endpointsCreated", incidents.stream().mapToInt(Incident::endpointsCreated).sum());
        summary.put("changesApplied", incidents.stream().mapToInt(incident -> incident.actions().size()).sum());
        summary.put("monthlyCostAddedUsd", incidents.stream().map(Incident::monthlyCostUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return summary;
    }

    /** The middle value; of an even count, the lower of the two middle ones (a time that happened). */
    static long median(List<Long> sorted) {
        return sorted.get((sorted.size() - 1) / 2);
    }
}
