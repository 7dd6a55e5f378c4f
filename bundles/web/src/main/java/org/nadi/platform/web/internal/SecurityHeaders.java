package org.nadi.platform.web.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.Preprocessor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the security headers on every response the runtime sends: API answers, errors, and
 * whatever modules serve, including the server's own 404s. A whiteboard preprocessor runs
 * before any servlet or filter is chosen, so nothing can be served without them.
 *
 * <p>The content security policy allows only the runtime's own resources (no CDN, no inline
 * script) and forbids framing, which also covers clickjacking in browsers that predate
 * {@code frame-ancestors} ({@code X-Frame-Options}).
 */
@Component(service = Preprocessor.class)
public final class SecurityHeaders implements Preprocessor {

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            HEADERS.forEach(http::setHeader);
        }
        chain.doFilter(request, response);
    }
}
