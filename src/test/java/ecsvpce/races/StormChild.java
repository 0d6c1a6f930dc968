package ecsvpce.races;

import ecsvpce.handler.RemediateFunction;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Lambda execution environment of a storm, in a JVM of its own: builds RemediateFunction as the
 * runtime does (no-argument constructor, settings from the environment: REMEDIATION_MODE,
 * NOTIFICATION_TOPIC_ARN, LEDGER_TABLE_NAME, AWS_ENDPOINT_URL...), says {@code READY}, waits for a line
 * on stdin so that every environment starts at once, invokes the handler with the event file's bytes
 * and prints {@code REPORT <the response>}. Everything the handler logs goes to stderr.
 */
public final class StormChild {
    private StormChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream answers = System.out;
        System.setOut(System.err);
        RemediateFunction function = new RemediateFunction();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        answers.println("READY");
        answers.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), response, null);
        answers.println("REPORT " + response.toString(StandardCharsets.UTF_8).strip());
        answers.flush();
    }
}
