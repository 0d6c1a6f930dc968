package ecsvpce.app;

import ecsvpce.core.EndpointService;
import ecsvpce.core.diagnosis.Finding;
import java.math.BigDecimal;
import java.util.List;

/** What a compliance sweep found and did, per VPC, per subnet, per service, with totals. */
public record SweepReport(
        Mode mode,
        String summary,
        Totals totals,
        List<VpcReport> vpcs,
        List<Unreadable> unreadable,
        List<Skipped> skipped,
        List<String> notReached,
        String rejectedInput,
        ErrorSummary error) {

    /** A payload the sweep cannot act on: nothing was read or changed. */
    public static SweepReport rejected(Mode mode, String why) {
        return new SweepReport(mode, "rejected: " + why, null, null, null, null, null, why, null);
    }

    /** The fleet itself could not be listed (clusters, or the subnets' VPCs): nothing was changed. */
    public static SweepReport failed(Mode mode, ErrorSummary error) {
        return new SweepReport(mode, error.message(), null, null, null, null, null, null, error);
    }

    /**
     * @param nonCompliant          services with at least one blocking finding in some subnet
     * @param fixed                 of those, services whose every blocking finding was fixed by applied changes
     * @param notFixableByEndpoints services left with blocking findings no endpoint fixes
     */
    public record Totals(int clusters, int vpcs, int servicesChecked, int nonCompliant, int fixed,
                         int notFixableByEndpoints, int unreadable, BigDecimal monthlyCostAddedUsd) {
    }

    public record VpcReport(String vpcId, boolean compliant, List<SubnetReport> subnets, List<ActionReport> actions,
                            List<Finding> unfixed, List<String> notes, BigDecimal monthlyCostUsd, ErrorSummary error) {
    }

    public record SubnetReport(String subnetId, String availabilityZone, String routeTableId,
                               List<ServiceReport> services) {
    }

    /**
     * @param status COMPLIANT, FIXED, PLANNED (dry run), NOT_FIXABLE_BY_ENDPOINTS, SKIPPED (the subnet or
     *               VPC is tagged to be left alone) or FAILED
     */
    public record ServiceReport(String serviceName, String serviceArn, String clusterArn, String status,
                                List<EndpointService> needs, List<Finding> findings) {
    }

    /** A service or VPC left alone on purpose: skip tag, or outside ALLOWED_VPC_IDS. */
    public record Skipped(String resource, String reason) {
    }

    /** A cluster, task definition or subnet the sweep could not read; the sweep went on without it. */
    public record Unreadable(String resource, String services, String reason) {
    }
}
