package ecsvpce.app.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One outage of one VPC, as the ledger keeps it: from the first failed start (or sweep finding) to the
 * check that saw it healed. Later events of the same outage update it. Plain data; the rules that open,
 * update and close it are the use case's ({@code ecsvpce.app.Incidents}).
 *
 * @param sequence      the VPC's incidents numbered from 1, in order
 * @param revision      how many times it was written; a write expects the one it read
 * @param trigger       what opened it: a task ARN, or {@code sweep}
 * @param failedStarts  the failed starts it absorbed
 * @param workloads     the services (or standalone tasks) that failed
 * @param findings      what was wrong, {@code CODE service resource}
 * @param actions       the changes applied, each once
 * @param closedBy      {@code FOLLOW_UP} (the check said healed), {@code SWEEP} (a sweep found the network
 *                      serving), {@code GONE} (the VPC is gone); null while open
 */
public record Incident(String vpcId, int sequence, int revision, boolean open, String trigger, String mode,
                       Instant firstFailureAt, Instant lastEventAt, Instant fixAppliedAt, Instant healedAt,
                       String closedBy, int failedStarts, List<String> workloads, List<String> findings,
                       List<Change> actions) {

    public Incident {
        workloads = List.copyOf(workloads);
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    /** A change applied during the incident. */
    public record Change(String type, String resourceId, String description, BigDecimal monthlyCostUsd) {
        public boolean createsAnEndpoint() {
            return type.equals("CREATE_INTERFACE_ENDPOINT") || type.equals("CREATE_GATEWAY_ENDPOINT");
        }
    }

    /** {@code vpc-123#4}: the VPC and the incident's number, stable for its life. */
    public String id() {
        return vpcId + "#" + sequence;
    }

    /** Seconds from the first failure to the check that saw it healed (recovery came at or before it). */
    public Optional<Long> recoverySeconds() {
        return healedAt == null || firstFailureAt == null ? Optional.empty()
                : Optional.of(Math.max(0, Duration.between(firstFailureAt, healedAt).toSeconds()));
    }

    /** The month (UTC) of the first failure: the monthly summary counts the incident there. */
    public YearMonth month() {
        return YearMonth.from(firstFailureAt.atZone(ZoneOffset.UTC));
    }

    public int endpointsCreated() {
        return (int) actions.stream().filter(Change::createsAnEndpoint).count();
    }

    public BigDecimal monthlyCostUsd() {
        return actions.stream().map(Change::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
