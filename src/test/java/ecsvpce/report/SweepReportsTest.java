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
