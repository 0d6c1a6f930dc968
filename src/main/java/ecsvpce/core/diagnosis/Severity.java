package ecsvpce.core.diagnosis;

/** Whether a finding keeps the task from starting. */
public enum Severity {
    BLOCKING,
    ADVISORY
}
