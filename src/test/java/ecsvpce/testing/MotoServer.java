package ecsvpce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One moto server per JVM, running {@code src/test/moto/moto_server_ext.py} (moto 5.2.1 with the
 * patches that make it answer like AWS where our tests depend on it).
 *
 * <p>Started lazily by {@link #get()} on a free {@code 127.0.0.1} port, stopped (with its whole
 * process tree) by a shutdown hook. Its output goes to {@code target/moto-server.log}.
 *
 * <pre>{@code
 * MotoServer moto = MotoServer.get();
 * moto.configureSdk();          // aws.endpointUrl, aws.region, dummy keys as system properties
 * moto.reset();                 // empty every backend
 * Map<String, String> env = moto.environment();   // the same for a child process
 * }</pre>
 *
 * <p>Settings (system property, else environment variable):
 * <ul>
 *   <li>{@code ecsvpce.moto.python} / {@code MOTO_PYTHON}: the interpreter (default: the first of
 *       {@code python3}, {@code python} on the PATH that can {@code import moto});</li>
 *   <li>{@code ecsvpce.moto.startTimeoutSeconds}: how long to wait for {@code GET /moto-api/} (30);</li>
 *   <li>{@code MOTO_EXT_DISABLE=a,c}: inherited by the server, switches patches off (see the script).</li>
 * </ul>
 */
public final class MotoServer {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012";
    static final String INSTALL_HINT = "install it with: pip install 'moto[server]==5.2.1'";
    private static final String SCRIPT = "src/test/moto/moto_server_ext.py";

    private static MotoServer instance;

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized MotoServer get() {
        if (instance == null || !instance.process.isAlive()) {
            instance = start();
        }
        return instance;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpointUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the server's stdout and stderr go. */
    public Path logFile() {
        return log;
    }

    /** Empties every moto backend ({@code POST /moto-api/reset}). */
    public void reset() {
        int status = request("POST", "/moto-api/reset", Duration.ofSeconds(30));
        if (status != 200) {
            throw new IllegalStateException("POST /moto-api/reset answered HTTP " + status + "\n" + logTail());
        }
    }

    /**
     * Points the AWS SDK for Java v2 at this server through its standard system properties:
     * {@code aws.endpointUrl} (and the service-specific {@code aws.endpointUrlEc2},
     * {@code aws.endpointUrlEcs}, {@code aws.endpointUrlRoute53}, which outrank a stray
     * {@code AWS_ENDPOINT_URL_EC2} or the like in the environment), {@code aws.region} =
     * us-east-1 (Route 53, a global service, signs for it too), dummy {@code aws.accessKeyId} /
     * {@code aws.secretAccessKey}. Clients built afterwards use them.
     */
    public void configureSdk() {
        System.setProperty("aws.endpointUrl", endpointUrl());
        System.setProperty("aws.endpointUrlEc2", endpointUrl());
        System.setProperty("aws.endpointUrlEcs", endpointUrl());
        System.setProperty("aws.endpointUrlRoute53", endpointUrl());
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    /** The environment-variable form of {@link #configureSdk()}, for child processes. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpointUrl());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        return env;
    }

    /** Stops the server and every process it started. Normally left to the shutdown hook. */
    public synchronized void stop() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // -----------------------------------------------------------------------------------------

    private static MotoServer start() {
        Path script = findScript();
        String python = findPython();
        Path log = logPath();
        Duration timeout = Duration.ofSeconds(Long.getLong("ecsvpce.moto.startTimeoutSeconds", 30));
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {   // another process may grab the free port
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    python, script.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot run " + python + " " + script + ": " + e.getMessage()
                        + "\nmoto_server_ext needs Python with moto; " + INSTALL_HINT, e);
            }
            MotoServer server = new MotoServer(process, port, log);
            try {
                server.awaitReady(timeout);
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "moto-server-stop"));
                return server;
            } catch (IllegalStateException e) {
                server.stop();
                last = e;
                if (!server.logTail().contains("Address already in use")) {
                    break;
                }
            }
        }
        throw last;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server_ext exited with code " + process.exitValue()
                        + " before answering on " + endpointUrl() + " (if moto is missing, " + INSTALL_HINT + ")\n" + logTail());
            }
            try {
                if (request("GET", "/moto-api/", Duration.ofSeconds(2)) == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException("moto_server_ext did not answer GET " + endpointUrl() + "/moto-api/ within "
                + timeout.toSeconds() + " s (ecsvpce.moto.startTimeoutSeconds)\n" + logTail());
    }

    private int request(String method, String path, Duration timeout) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpointUrl() + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            if ("POST".equals(method)) {
                connection.setDoOutput(true);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the server wrote (stderr included), for error messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 40), lines.size());
            return "--- " + log + " (last " + tail.size() + " lines) ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(no server output: " + e.getMessage() + ")";
        }
    }

    private static Path findScript() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("ecsvpce.moto.script");
        if (property != null) {
            candidates.add(Paths.get(property));
        }
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            candidates.add(Paths.get(basedir, SCRIPT));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(SCRIPT));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("Cannot find " + SCRIPT + " from "
                        + Paths.get("").toAbsolutePath() + " (set -Decsvpce.moto.script=PATH)"));
    }

    /** The first interpreter that can import moto: the configured one, else python3, else python. */
    static String findPython() {
        String configured = System.getProperty("ecsvpce.moto.python", System.getenv("MOTO_PYTHON"));
        List<String> candidates = configured != null ? List.of(configured) : List.of("python3", "python");
        StringBuilder tried = new StringBuilder();
        for (String candidate : candidates) {
            String problem = probe(candidate);
            if (problem == null) {
                return candidate;
            }
            tried.append("\n  ").append(candidate).append(": ").append(problem);
        }
        throw new IllegalStateException("No Python interpreter with moto found; tried:" + tried
                + "\nmoto_server_ext needs moto 5.2.1 with its server extras: " + INSTALL_HINT
                + " (or point -Decsvpce.moto.python / MOTO_PYTHON at an interpreter that has it)");
    }

    private static String probe(String python) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import moto, flask, werkzeug; print(moto.__version__)")
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "timed out";
            }
            if (probe.exitValue() != 0) {
                String[] lines = output.split("\n");
                return lines[lines.length - 1];
            }
            if (!output.endsWith("5.2.1")) {
                System.err.println("MotoServer: " + python + " has moto " + output
                        + "; the patches were written for 5.2.1");
            }
            return null;
        } catch (IOException e) {
            return "not runnable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path logPath() {
        try {
            Path target = Paths.get("target");
            if (Files.isDirectory(target)) {
                return target.resolve("moto-server.log").toAbsolutePath();
            }
            return Files.createTempFile("moto-server", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto", e);
        }
    }
}
