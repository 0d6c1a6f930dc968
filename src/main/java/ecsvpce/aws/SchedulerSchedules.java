package ecsvpce.aws;

import ecsvpce.app.port.Fargate;
import ecsvpce.app.port.ScheduledTask;
import ecsvpce.app.port.ScheduledTasks;
import ecsvpce.core.cost.Consumer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.scheduler.model.EcsParameters;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * The Fargate tasks EventBridge Scheduler schedules run: every schedule of every group is listed
 * (the list names each target's ARN), and only those whose target is one of the clusters are read
 * ({@code GetSchedule}) for their ECS parameters. Disabled schedules count: they may run again.
 */
public final class SchedulerSchedules implements ScheduledTasks {
    private final SchedulerClient scheduler;

    public SchedulerSchedules(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public String source() {
        return "EventBridge Scheduler schedules";
    }

    @Override
    public List<ScheduledTask> fargateTasks(Collection<String> clusterArns) {
        List<ScheduleSummary> onClusters = AwsCall.run("scheduler:ListSchedules",
                () -> scheduler.listSchedulesPaginator(r -> { }).schedules().stream()
                        .filter(s -> s.target() != null && clusterArns.contains(s.target().arn())).toList());
        List<ScheduledTask> tasks = new ArrayList<>();
        for (ScheduleSummary summary : onClusters) {
            GetScheduleResponse schedule = AwsCall.run("scheduler:GetSchedule",
                    () -> scheduler.getSchedule(r -> r.name(summary.name()).groupName(summary.groupName())));
            EcsParameters ecs = schedule.target().ecsParameters();
            if (ecs != null && runsOnFargate(ecs)) {
                tasks.add(new ScheduledTask(schedule.arn(), Consumer.Kind.SCHEDULE, schedule.target().arn(),
                        ecs.taskDefinitionArn(), ecs.platformVersion(),
                        ecs.networkConfiguration().awsvpcConfiguration().subnets(),
                        Boolean.TRUE.equals(ecs.enableExecuteCommand())));
            }
        }
        return tasks;
    }

    private static boolean runsOnFargate(EcsParameters ecs) {
        return ecs.networkConfiguration() != null && ecs.networkConfiguration().awsvpcConfiguration() != null
                && Fargate.runsOn(ecs.launchTypeAsString(), ecs.capacityProviderStrategy().stream()
                .map(CapacityProviderStrategyItem::capacityProvider).toList());
    }
}
