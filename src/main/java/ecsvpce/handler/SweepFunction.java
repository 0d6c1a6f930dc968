package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import ecsvpce.app.FleetSweep;
import ecsvpce.app.Settings;
import ecsvpce.app.SweepReport;
import ecsvpce.app.SweepScope;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsFleetReader;
import ecsvpce.aws.EcsTaskReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Lambda entry point for the compliance sweep: the schedule's event (sweep everything) or a manual
 * payload {@code {"clusters": [...], "vpcIds": [...], "dryRun": true}}, every key optional.
 */
public class SweepFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Time kept back to finish the VPC in progress and report, out of Lambda's 15 minutes. */
    static final int RESERVE_MILLIS = 120_000;
    private static final Set<String> MANUAL_KEYS = Set.of("clusters", "vpcIds", "dryRun");

    private final FleetSweep sweep;
    private final Settings settings;

    /** Used by the Lambda runtime: clients are built once per container. */
    public SweepFunction() {
        this(Settings.fromEnvironment(System.getenv()), AwsClients.ec2(List.of()), AwsClients.ecs(List.of()),
                new DefaultAwsRegionProviderChain().getRegion().id(), Clock.systemUTC());
    }

    public SweepFunction(Settings settings, Ec2Client ec2, EcsClient ecs, String region, Clock clock) {
        this.settings = settings;
        this.sweep = new FleetSweep(new EcsFleetReader(ecs), new EcsTaskReader(ecs), new Ec2NetworkReader(ec2, region),
                new Ec2NetworkWriter(ec2), settings, region, clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        SweepReport report;
        try {
            SweepScope scope = isScheduledEvent(payload) ? SweepScope.everything() : manualScope(payload);
            BooleanSupplier outOfTime = () -> context != null && context.getRemainingTimeInMillis() < RESERVE_MILLIS;
            report = sweep.sweep(scope, outOfTime);
        } catch (IllegalArgumentException badInput) {
            report = SweepReport.rejected(settings.mode(), badInput.getMessage());
        }
        Map<String, Object> result = ReportJson.toMap(report);
        ReportJson.log(result, System.out);
        return result;
    }

    private static boolean isScheduledEvent(Map<String, Object> payload) {
        return payload != null && "aws.events".equals(payload.get("source"));
    }

    private static SweepScope manualScope(Map<String, Object> payload) {
        if (payload != null) {
            payload.keySet().stream().filter(key -> !MANUAL_KEYS.contains(key)).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException("unknown key '" + key + "': a manual sweep takes " + MANUAL_KEYS);
            });
        }
        return SweepScope.fromPayload(payload);
    }
}
