package ecsvpce.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import ecsvpce.app.RemediationReport;
import ecsvpce.app.Settings;
import ecsvpce.app.TaskRemediation;
import ecsvpce.aws.AwsClients;
import ecsvpce.aws.Ec2NetworkReader;
import ecsvpce.aws.Ec2NetworkWriter;
import ecsvpce.aws.EcsTaskReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Lambda entry point for EventBridge "ECS Task State Change" events: a Fargate task that failed to
 * start. Returns the report (so {@code sam local invoke} prints it) and logs it as one JSON line, both
 * with presigned URL credentials redacted and account ids other than the event's own masked.
 * Events that are not ours are skipped normally so EventBridge does not retry them; transient AWS
 * errors are thrown so Lambda does.
 */
public class RemediateFunction implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final TaskRemediation remediation;
    private final Settings settings;

    /** Used by the Lambda runtime: clients are built once per container. */
    public RemediateFunction() {
        this(Settings.fromEnvironment(System.getenv()), AwsClients.ec2(List.of()),
                new EcsTaskReader(AwsClients.ecs(List.of())), new DefaultAwsRegionProviderChain().getRegion().id(),
                Clock.systemUTC());
    }

    public RemediateFunction(Settings settings, Ec2Client ec2, EcsTaskReader ecs, String region, Clock clock) {
        this.settings = settings;
        this.remediation = new TaskRemediation(ecs, new Ec2NetworkReader(ec2, region), new Ec2NetworkWriter(ec2),
                settings, region, clock);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Optional<String> skip = TaskStateChangeEvent.envelopeSkipReason(event);
        RemediationReport report = skip.isPresent()
                ? RemediationReport.skipped(settings.mode(), skip.get(), null)
                : remediation.remediate(TaskStateChangeEvent.task(event.getDetail()));
        Map<String, Object> result = ReportJson.toMap(report, TaskStateChangeEvent.ownAccounts(event));
        ReportJson.log(result, System.out);
        return result;
    }
}
