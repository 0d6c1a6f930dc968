package ecsvpce.app;

import ecsvpce.app.port.StoppedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A stopped task as ECS describes it, and what the event claimed otherwise. An event is only a hint
 * that a task stopped, and anyone allowed to invoke the function can send one: every field that can
 * lead to a change (cluster, task definition, status, stop code and reason, launch type, platform,
 * group, deployment, subnet, network interface, ECS Exec) is ECS's answer, and where ECS leaves one
 * empty the safe default holds (no subnet: skipped; Exec off). The event fills only what shapes the
 * report's text: the availability zone, and the stop reason ECS no longer gives, as a note that
 * decides nothing. Each disagreement is a note of the report.
 *
 * @param task  ECS's answer, with the availability zone from the event where ECS gives none
 * @param notes what the event said that ECS's answer does not, and which was used
 */
record ConfirmedTask(StoppedTask task, List<String> notes) {
    private static final List<Field> DECIDING_FIELDS = List.of(
            new Field("clusterArn", StoppedTask::clusterArn),
            new Field("taskDefinitionArn", StoppedTask::taskDefinitionArn),
            new Field("lastStatus", StoppedTask::lastStatus),
            new Field("stopCode", StoppedTask::stopCode),
            new Field("launchType", StoppedTask::launchType),
            new Field("capacityProviderName", StoppedTask::capacityProviderName),
            new Field("platformVersion", StoppedTask::platformVersion),
            new Field("platformFamily", StoppedTask::platformFamily),
            new Field("group", StoppedTask::group),
            new Field("startedBy", StoppedTask::startedBy),
            new Field("subnetId", StoppedTask::subnetId),
            new Field("networkInterfaceId", StoppedTask::networkInterfaceId));

    private record Field(String name, Function<StoppedTask, String> value) {
    }

    ConfirmedTask {
        notes = List.copyOf(notes);
    }

    static ConfirmedTask of(StoppedTask fromEcs, StoppedTask fromEvent) {
        List<String> notes = new ArrayList<>();
        for (Field field : DECIDING_FIELDS) {
            String claimed = field.value().apply(fromEvent);
            String known = field.value().apply(fromEcs);
            if (claimed != null && !claimed.equals(known)) {
                notes.add(ignored(field.name(), TaskEligibility.quoted(claimed), known == null ? null : "'" + known + "'"));
            }
        }
        if (fromEvent.executeCommandEnabled() && !fromEcs.executeCommandEnabled()) {
            notes.add(ignored("enableExecuteCommand", "true", "off"));
        }
        notes.addAll(stopReasonNotes(fromEcs.stoppedReason(), fromEvent.stoppedReason()));
        StoppedTask task = fromEcs;
        String claimedZone = fromEvent.availabilityZone();
        if (fromEcs.availabilityZone() == null && claimedZone != null) {
            task = fromEcs.withAvailabilityZone(claimedZone);
            notes.add("the availability zone shown is the event's: ECS gives none");
        } else if (claimedZone != null && !claimedZone.equals(fromEcs.availabilityZone())) {
            notes.add(ignored("availabilityZone", TaskEligibility.quoted(claimedZone), fromEcs.availabilityZone()));
        }
        return new ConfirmedTask(task, notes);
    }

    private static List<String> stopReasonNotes(String known, String claimed) {
        if (claimed == null || Objects.equals(known, claimed)) {
            return List.of();
        }
        return List.of(known == null
                ? "the event's stop reason, which ECS no longer gives (it decided nothing): " + TaskEligibility.quoted(claimed)
                : "the event's stop reason is not the one ECS gives; ECS's was used");
    }

    private static String ignored(String field, String claimed, String known) {
        return "the event's " + field + " " + claimed + " is not what ECS says (" + (known == null ? "none" : known)
                + "): ECS's answer was used";
    }
}
