package ecsvpce.app.port;

/** What the use cases read off an ARN. */
public final class Arns {
    private Arns() {
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE} → ACCOUNT; null for anything else. */
    public static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }
}
