package ecsvpce.core.needs;

/**
 * Why a task needs a service: the container and the task definition field that asked for it.
 *
 * @param container container name
 * @param field     the task definition field, e.g. {@code image} or {@code secrets[DB_PASSWORD].valueFrom}
 * @param value     the field's value (an image, ARN or parameter name; never a secret's value)
 * @param note      why that value needs the service
 */
public record NeedReason(String container, String field, String value, String note) {
    @Override
    public String toString() {
        return "container '" + container + "' " + field + " = " + value + ": " + note;
    }
}
