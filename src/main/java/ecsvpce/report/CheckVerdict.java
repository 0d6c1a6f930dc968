package ecsvpce.report;

/** What a check before a deploy answers: the exit code of {@code scripts/preflight} is the ordinal. */
public enum CheckVerdict {
    /** Every start-up need is served: tasks will start as far as the network goes. */
    READY,
    /** A blocking finding: tasks will fail to start until the change it names is made. */
    WILL_FAIL,
    /** Something could not be read or decided; the report says what. */
    CANNOT_TELL
}
