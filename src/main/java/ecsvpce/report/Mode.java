package ecsvpce.report;

/** {@code REMEDIATION_MODE}: change the VPC, or only say what would change. */
public enum Mode {
    REMEDIATE,
    DRY_RUN
}
