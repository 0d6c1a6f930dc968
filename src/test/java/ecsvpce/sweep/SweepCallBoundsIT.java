package ecsvpce.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import ecsvpce.report.Mode;
import ecsvpce.support.CallRecorder;
import ecsvpce.testing.MotoTest;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep's AWS calls, counted by operation with an SDK interceptor, for a fleet of 3 clusters,
 * 60 Fargate services (plus 3 EC2 ones), 9 task definitions and 4 VPCs: each count is an exact
 * formula over clusters, services/10, distinct task definitions and VPCs ({@link FleetShape}),
 * never services times VPCs, never per subnet.
 */
@MotoTest
class SweepCallBoundsIT {
    private static final FleetShape SHAPE = new FleetShape(60, 3, 4, 9);

    private final CallRecorder recorder = new CallRecorder(Sweeps.FUNCTION);
    private final Fleet fleet = new Fleet();

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    void aDryRunReadsEachClusterTenServicesAtATimeEachTaskDefinitionOnceAndEachVpcOnce() {
        SHAPE.build(fleet);

        SweepResult report = sweep(Mode.DRY_RUN);

        Map<String, Long> expected = FleetShape.expectedReads(fleet);
        assertThat(countsByOperation()).isEqualTo(expected);
        // The numbers behind the formulas, for the reader: 21 + 21 + 21 listed, 9 definitions, 8 subnets; one
        // more endpoint list and one more subnet read for the cost side, and one of its reads per cluster.
        assertThat(expected).containsEntry("ecs:DescribeServices", 9L).containsEntry("ecs:DescribeTaskDefinition", 9L)
                .containsEntry("ec2:DescribeVpcEndpoints", 5L).containsEntry("ec2:DescribeSubnets", 6L)
                .containsEntry("events:ListRuleNamesByTarget", 3L).containsEntry("cloudwatch:GetMetricData", 1L);
        assertThat(report.total("servicesChecked")).isEqualTo(60);
        assertThat(report.vpcIds()).hasSize(4);
    }

    @Test
    void remediatingAddsOnlyEachVpcsMergedWritesAndASecondSweepOnlyReads() {
        SHAPE.build(fleet);

        SweepResult first = sweep(Mode.REMEDIATE);

        Map<String, Long> expected = new TreeMap<>(FleetShape.expectedReads(fleet));
        expected.putAll(SHAPE.expectedWrites());
        assertThat(countsByOperation()).isEqualTo(expected);
        assertThat(first.total("fixed")).isEqualTo(first.total("nonCompliant")).isEqualTo(45);

        recorder.clear();
        SweepResult second = sweep(Mode.REMEDIATE);

        assertThat(countsByOperation()).isEqualTo(FleetShape.expectedReads(fleet));
        assertThat(second.total("nonCompliant")).isZero();
    }

    private SweepResult sweep(Mode mode) {
        return Sweeps.run(Sweeps.function(mode, recorder, fleet.motoServiceFields()),
                Sweeps.payloadFile("events/scheduled-sweep.json"));
    }

    private Map<String, Long> countsByOperation() {
        return recorder.calls().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
