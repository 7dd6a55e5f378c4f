package org.nadi.platform.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The launcher's one HTTP client: a bare HTTP/1.0 request on a socket, answering only the
 * status. The JDK's HTTP clients would load hundreds of classes into every start for this.
 */
final class LocalHttp {

    private LocalHttp() {
    }

    /**
     * Sends a request without a body and reads the answer to its end.
     *
     * @return the response status, or -1 if nothing answers (yet)
     */
    static int status(String host, int port, String method, String path, Duration connectLimit, Duration readLimit) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectLimit.toMillis());
            socket.setSoTimeout((int) readLimit.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = new byte[12];
            int read = in.readNBytes(statusLine, 0, statusLine.length);
            in.readAllBytes();
            String status = new String(statusLine, 0, read, StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/") && read == 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException notYet) {
            return -1;
        }
    }
}
