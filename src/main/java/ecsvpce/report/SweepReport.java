package ecsvpce.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import java.math.BigDecimal;
import java.util.List;

/** What a compliance sweep found and did, per VPC, per subnet, per service, with totals. */
@JsonPropertyOrder({"mode", "summary"})
public sealed interface SweepReport permits SweepReport.Rejected, SweepReport.Failed, SweepReport.Swept {

    Mode mode();

    @JsonProperty("summary")
    String summary();

    /** A payload the sweep cannot act on: nothing was read or changed. */
    record Rejected(Mode mode, String rejectedInput) implements SweepReport {
        @Override
        public String summary() {
            return "rejected: " + rejectedInput;
        }
    }

    /** AWS refused for good to list the fleet (its clusters, or its subnets' VPCs): nothing was changed. */
    record Failed(Mode mode, ErrorSummary error) implements SweepReport {
        @Override
        public String summary() {
            return error.message();
        }
    }

    /**
     * The fleet was swept.
     *
     * @param unreadable what could not be read; the sweep went on without it
     * @param skipped    what was left alone on purpose
     * @param notReached VPCs not started for lack of time
     * @param endpointCosts the interface endpoints' cost and idleness (full sweeps only), else null
     * @param serviceEvent what asked for a sweep of one service; null for the schedule and manual sweeps
     */
    record Swept(Mode mode, String summary, Totals totals, List<VpcReport> vpcs, List<Unreadable> unreadable,
                 List<Skipped> skipped, List<String> notReached, EndpointCosts endpointCosts,
                 ServiceEvent serviceEvent) implements SweepReport {
    }

    /**
     * The ECS event that asked for a sweep of one service: the API call that created or updated it
     * ({@code CreateService}, {@code UpdateService}, from CloudTrail), or ECS saying it cannot
     * consistently start its tasks ({@code SERVICE_TASK_START_IMPAIRED}).
     *
     * @param cluster the cluster's ARN or name; null for the account's default cluster
     * @param service the service's ARN or name
     */
    record ServiceEvent(String name, String cluster, String service) {
        public static final String START_IMPAIRED = "SERVICE_TASK_START_IMPAIRED";

        /** ECS itself says the service's tasks fail to start: the service is failing, not only changed. */
        public boolean startImpaired() {
            return START_IMPAIRED.equals(name);
        }
    }

    /**
     * @param nonCompliant          services with at least one blocking finding in some subnet
     * @param fixed                 of those, services whose every blocking finding was fixed by applied changes
     * @param notFixableByEndpoints services left with blocking findings no endpoint fixes
     */
    record Totals(int clusters, int vpcs, int servicesChecked, int nonCompliant, int fixed,
                  int notFixableByEndpoints, int unreadable, BigDecimal monthlyCostAddedUsd) {
    }

    /** @param error the failure that cut the VPC's changes short, or kept it from being read; else null */
    record VpcReport(String vpcId, boolean compliant, List<SubnetReport> subnets, List<ActionReport> actions,
                     List<Finding> unfixed, List<String> notes, BigDecimal monthlyCostUsd, ErrorSummary error) {

        /** A VPC the sweep could not read or decide about. */
        public static VpcReport failed(String vpcId, ErrorSummary error) {
            return new VpcReport(vpcId, false, List.of(), List.of(), List.of(), List.of(), BigDecimal.ZERO, error);
        }
    }

    record SubnetReport(String subnetId, String availabilityZone, String routeTableId, List<ServiceReport> services) {
    }

    /**
     * @param failingToStart it had blocking findings and ran fewer tasks than it wants: every start it tried
     *                       failed for what the sweep fixes (its follow-up recovers it)
     */
    record ServiceReport(String serviceName, String serviceArn, String clusterArn, ServiceStatus status,
                         List<EndpointService> needs, List<Finding> findings, boolean failingToStart) {

        public ServiceReport(String serviceName, String serviceArn, String clusterArn, ServiceStatus status,
                             List<EndpointService> needs, List<Finding> findings) {
            this(serviceName, serviceArn, clusterArn, status, needs, findings, false);
        }
    }

    /** A service or VPC left alone on purpose: skip tag, or outside ALLOWED_VPC_IDS. */
    record Skipped(String resource, String reason) {
    }

    /** A cluster, task definition or subnet the sweep could not read; the sweep went on without it. */
    record Unreadable(String resource, String services, String reason) {
    }
}
