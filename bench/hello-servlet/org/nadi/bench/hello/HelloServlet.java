package org.nadi.bench.hello;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The baseline of bench/authenticated-get.sh: the least a servlet on the runtime's Jetty can do. */
public final class HelloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setContentLength(HELLO.length);
        response.getOutputStream().write(HELLO);
    }
}
