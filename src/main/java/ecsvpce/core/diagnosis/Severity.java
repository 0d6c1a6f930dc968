package ecsvpce.core.diagnosis;

/** Whether a finding keeps the task from starting. */
public enum Severity {
    /** Keeps the task from starting. */
    BLOCKING,
    /** Worth knowing; the task starts all the same. */
    ADVISORY,
    /** A check that could not be made or could not decide (a policy condition, a zone that cannot be read). */
    UNVERIFIED
}
