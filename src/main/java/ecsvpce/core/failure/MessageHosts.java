package ecsvpce.core.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hosts and addresses a stop reason names, read from its lower-case text. */
final class MessageHosts {
    private static final String HOST = "[a-z0-9-]+(?:\\.[a-z0-9-]+)+";
    private static final String IPV4 = "\\d{1,3}(?:\\.\\d{1,3}){3}";
    // "dial tcp 10.0.1.57:443", or "dial tcp: lookup registry-1.docker.io on 10.0.0.2:53" when DNS failed.
    private static final Pattern DIALED = Pattern.compile(
            "dial tcp (" + IPV4 + "):\\d+|dial tcp:? (?:lookup )?(" + HOST + ")");
    // What the task asked for: a URL, or the name it looked up.
    private static final Pattern REQUESTED = Pattern.compile("https?://(" + HOST + ")|lookup (" + HOST + ")");
    // The registry part of the image reference, in the runtime's and the agent's wordings.
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:resolve (?:ref|reference)|cannot pull|from the registry|access denied for|manifest for"
                    + "|in repository|ecr repository|request: (?:get|head)) [\"']?(" + HOST + ")(?::\\d+)?/");

    // Reporters hide parts of host names (account ids, regions) with marks; the parts left still name
    // the service: "████.dkr.ecr.us-east-1.amazonaws.com", "<account-id>.dkr.ecr.<region>.amazonaws.com",
    // "_accountid_.dkr-ecr._region_.on.aws" (no host label holds "_"), or the label removed outright,
    // "https://.dkr.ecr.us-west-2.amazonaws.com".
    private static final String MASK = "(?:\u2588+|\\*+|<[a-z0-9_ -]{1,30}>|_[a-z0-9-]{1,30}_)";
    private static final Pattern MASKED_LABEL = Pattern.compile(MASK + "(?=[.-])|(?<=[.-])" + MASK);
    private static final Pattern REMOVED_LABEL = Pattern.compile("(?<=://|[\\s\"'])\\.(?=[a-z0-9])");
    private static final String MASKED = "masked";

    private MessageHosts() {
    }

    /** The text with masked host labels replaced by a plain one, so that the hosts parse. */
    static String unmasked(String text) {
        String labelled = MASKED_LABEL.matcher(text).replaceAll(MASKED);
        return REMOVED_LABEL.matcher(labelled).replaceAll(MASKED + ".");
    }

    /** The address (or, when it did not resolve, the host name) of the first {@code dial tcp}. */
    static Optional<String> dialedAddress(String text) {
        Matcher matcher = DIALED.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** The hosts of the URLs the message quotes and of the names it looked up, in order. */
    static List<String> requested(String text) {
        List<String> hosts = new ArrayList<>();
        Matcher matcher = REQUESTED.matcher(text);
        while (matcher.find()) {
            hosts.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return hosts;
    }

    /** The registry host of the image the message names, when it names one with a host. */
    static Optional<String> imageRegistry(String text) {
        Matcher matcher = REGISTRY.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
