package ecsvpce.app.port;

import ecsvpce.core.needs.TaskDefinition;

/** Task definitions, reduced to what decides a task's start-up needs. Read only. */
public interface TaskDefinitions {
    TaskDefinition taskDefinition(String taskDefinitionArn);
}
