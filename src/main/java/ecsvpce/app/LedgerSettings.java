package ecsvpce.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ledger is, read once per container from the environment. Unset table: no ledger, each
 * container remembers only what it told itself.
 *
 * @param tableName the DynamoDB table
 * @param retention how long an incident is kept after its last event
 */
public record LedgerSettings(Optional<String> tableName, Duration retention) {
    public static final String TABLE_NAME = "LEDGER_TABLE_NAME";
    public static final String RETENTION_DAYS = "LEDGER_RETENTION_DAYS";
    /** Long enough to compare a month with the same month a year before. */
    static final int DEFAULT_RETENTION_DAYS = 400;
    /** DynamoDB's TTL takes any future time; ten years is more than any record is read for. */
    static final int MAX_RETENTION_DAYS = 3650;
    private static final String TABLE = "[A-Za-z0-9_.-]{3,255}";

    public static LedgerSettings none() {
        return new LedgerSettings(Optional.empty(), Duration.ofDays(DEFAULT_RETENTION_DAYS));
    }

    /** Reads the settings; a value that is set but malformed is an error, never a silent default. */
    public static LedgerSettings fromEnvironment(Map<String, String> env) {
        Optional<String> table = value(env, TABLE_NAME);
        table.ifPresent(name -> {
            if (!name.matches(TABLE)) {
                throw new IllegalArgumentException(TABLE_NAME + " must be a DynamoDB table name (3 to 255 of "
                        + "A-Z a-z 0-9 _ . -), not '" + name + "'");
            }
        });
        int days = DEFAULT_RETENTION_DAYS;
        Optional<String> retention = value(env, RETENTION_DAYS);
        if (retention.isPresent()) {
            try {
                days = Integer.parseInt(retention.get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RETENTION_DAYS + " must be a whole number of days, not '"
                        + retention.get() + "'", e);
            }
            if (days < 1 || days > MAX_RETENTION_DAYS) {
                throw new IllegalArgumentException(RETENTION_DAYS + " must be 1 to " + MAX_RETENTION_DAYS + ", not " + days);
            }
        }
        return new LedgerSettings(table, Duration.ofDays(days));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
