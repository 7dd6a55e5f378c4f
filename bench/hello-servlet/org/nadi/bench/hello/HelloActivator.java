package org.nadi.bench.hello;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import jakarta.servlet.Servlet;

/**
 * Registers {@link HelloServlet} at /hello through the servlet whiteboard. An activator, not a
 * component, so that the baseline depends on nothing but the framework and the servlet API.
 */
public final class HelloActivator implements BundleActivator {

    private ServiceRegistration<Servlet> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/hello");
        registration = context.registerService(Servlet.class, new HelloServlet(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
