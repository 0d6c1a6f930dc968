package ecsvpce.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One HTTP request over loopback, answered by a socket of this process, through a URL-connection
 * client made as the function's is: before a snapshot it loads the JDK's HTTP stack that the first
 * AWS request would otherwise load. Nothing leaves the host, the function's own HTTP client is not
 * used, and the connection is closed, so the snapshot holds no socket.
 */
public final class LoopbackRequest {
    private LoopbackRequest() {
    }

    public static void send() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SdkHttpClient http = AwsClients.urlConnectionClient()) {
            Thread answer = new Thread(() -> answer(server), "loopback-answer");
            answer.setDaemon(true);
            answer.start();
            URI uri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                    + server.getLocalPort() + "/");
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build()).build()).call();
            if (response.responseBody().isPresent()) {
                response.responseBody().get().close();
            }
            answer.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(ServerSocket server) {
        try (Socket client = server.accept();
             BufferedReader request = new BufferedReader(
                     new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request's head, read to its end before answering
            }
            client.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the request side reports what went wrong
        }
    }
}
