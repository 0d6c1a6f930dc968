package ecsvpce.core.needs;

/** An entry of {@code secrets} or {@code secretOptions}: a name and where its value comes from. */
public record SecretReference(String name, String valueFrom) {
}
