package ecsvpce.report;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.report.SweepReport.ServiceReport;
import ecsvpce.report.SweepReport.SubnetReport;
import ecsvpce.report.SweepReport.VpcReport;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's totals: a service counts once, by its worst subnet. */
class SweepReportsTest {

    @Test
    void aServiceInSeveralSubnetsCountsOnceByItsWorstSubnet() {
        VpcReport vpc = vpc("7.30", subnet("a", service("web", ServiceStatus.FIXED), service("api", ServiceStatus.COMPLIANT)),
                subnet("b", service("web", ServiceStatus.NOT_FIXABLE_BY_ENDPOINTS), service("api", ServiceStatus.FIXED)),
                subnet("c", service("jobs", ServiceStatus.COMPLIANT), service("batch", ServiceStatus.FAILED)));

        SweepReport.Swept report = SweepReports.swept(Mode.REMEDIATE, 1, List.of(vpc), List.of(), List.of(), List.of());

        assertThat(report.totals()).isEqualTo(new SweepReport.Totals(1, 1, 4, 3, 1, 1, 0, new BigDecimal("7.30")));
        assertThat(report.summary()).isEqualTo("checked 4 service(s) in 1 VPC(s): 3 non-compliant, 1 fixed, "
                + "1 not fixable by endpoints, adds 7.30 USD/month");
    }

    @Test
    void aDryRunSaysWhatItWouldAddAndThatNothingChanged() {
        SweepReport.Swept report = SweepReports.swept(Mode.DRY_RUN, 2,
                List.of(vpc("14.6", subnet("a", service("web", ServiceStatus.PLANNED)))),
                List.of(new SweepReport.Unreadable("td", "web", "denied")),
                List.of(new SweepReport.Skipped("vpc-1", "left alone")), List.of("vpc-2"));

        assertThat(report.summary()).isEqualTo("checked 1 service(s) in 1 VPC(s): 1 non-compliant, dry run, nothing "
                + "changed, 0 not fixable by endpoints, 1 unreadable, 1 skipped on purpose, 1 VPC(s) not reached in "
                + "time, would add 14.60 USD/month");
        assertThat(report.totals().unreadable()).isEqualTo(1);
    }

    @Test
    void aFullSweepSaysWhatItsInterfaceEndpointsCostAndWhatBecameOfTheIdleOnes() {
        assertThat(summaryWith(totals(3, "51.1", 1, "10.22", 0, 0))).isEqualTo("checked 0 service(s) in 0 VPC(s): "
                + "0 non-compliant, 0 fixed, 0 not fixable by endpoints; 3 interface endpoint(s) 51.10 USD/month, "
                + "1 idle (10.22 USD/month)");
        assertThat(summaryWith(totals(4, "20.44", 3, "30.66", 1, 1))).endsWith("; 4 interface endpoint(s) 20.44 USD/month, "
                + "3 idle (30.66 USD/month), 1 removed, 1 removal(s) failed");
        assertThat(summaryWith(totals(2, "20.44", 0, "0", 0, 0))).endsWith("; 2 interface endpoint(s) 20.44 USD/month");
        assertThat(summaryWith(totals(0, "0", 0, "0", 0, 0))).as("no endpoint, nothing to say")
                .isEqualTo("checked 0 service(s) in 0 VPC(s): 0 non-compliant, 0 fixed, 0 not fixable by endpoints");
    }

    private static String summaryWith(EndpointCosts.Totals totals) {
        EndpointCosts costs = new EndpointCosts(new EndpointCosts.Pricing("ap-northeast-1", new BigDecimal("0.014"),
                new BigDecimal("0.01"), "list price"), 30, true, totals, List.of(), List.of(), List.of(), null);
        return SweepReports.swept(Mode.REMEDIATE, 1, List.of(), List.of(), List.of(), List.of(), costs, null).summary();
    }

    private static EndpointCosts.Totals totals(int endpoints, String monthly, int idle, String idleMonthly, int removed,
                                               int removalsFailed) {
        return new EndpointCosts.Totals(endpoints, new BigDecimal(monthly), BigDecimal.ZERO, idle, new BigDecimal(idleMonthly),
                0, removed, removalsFailed);
    }

    private static VpcReport vpc(String cost, SubnetReport... subnets) {
        return new VpcReport("vpc-1", false, List.of(subnets), List.of(), List.of(), List.of(), new BigDecimal(cost), null);
    }

    private static SubnetReport subnet(String id, ServiceReport... services) {
        return new SubnetReport("subnet-" + id, "us-east-1a", "rtb-1", List.of(services));
    }

    private static ServiceReport service(String name, ServiceStatus status) {
        return new ServiceReport(name, "arn:" + name, "arn:cluster", status, List.of(), List.of());
    }
}
