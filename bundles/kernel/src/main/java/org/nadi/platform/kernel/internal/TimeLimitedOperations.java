package org.nadi.platform.kernel.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleException.Problem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Runs the framework operations that execute a module's own code (starting, stopping,
 * updating, refreshing) on a worker thread with a time limit, so that an activator that
 * hangs costs its caller a clear error instead of a stuck request or shell.
 */
final class TimeLimitedOperations implements AutoCloseable {

    @FunctionalInterface
    interface BundleAction {
        void run() throws Exception;
    }

    private final Duration limit;
    private final ExecutorService workers;

    TimeLimitedOperations(Duration limit) {
        this.limit = limit;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "nadi-module-operation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration limit() {
        return limit;
    }

    /**
     * Runs an action on the module, turning every way it can fail into a {@link ModuleException}.
     *
     * @param what    what is being done, for messages: "start", "stop", "update", "uninstall"
     * @param module  the module's id, for messages
     */
    void run(String what, String module, BundleAction action) throws ModuleException {
        Future<?> outcome = workers.submit(() -> {
            action.run();
            return null;
        });
        try {
            outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hung) {
            outcome.cancel(true);
            throw new ModuleException(Problem.ACTIVATION_TIMEOUT, "Module '" + module + "' did not finish its " + what
                    + " within " + limit.toSeconds() + " s: its activator or a component of it does not return."
                    + " The runtime and the other modules are unaffected; ask the module's vendor for a fixed version.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModuleException(Problem.BUSY, "Interrupted while waiting for module '" + module + "' to " + what + ".");
        } catch (ExecutionException failed) {
            throw translate(what, module, failed.getCause());
        }
    }

    /** Refreshes the wiring of the given bundles and of everything wired to them, and waits for it. */
    void refresh(BundleContext context, Collection<Bundle> bundles, String module) throws ModuleException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        run("package refresh", module, () -> wiring.refreshBundles(bundles, event -> done.countDown()));
        try {
            if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ModuleException(Problem.ACTIVATION_TIMEOUT, "The package refresh after changing module '" + module
                        + "' did not finish within " + limit.toSeconds() + " s; a module it affects does not stop or start.");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ModuleException translate(String what, String module, Throwable failure) {
        if (failure instanceof BundleException bundleFailure) {
            if (bundleFailure.getType() == BundleException.RESOLVE_ERROR) {
                return new ModuleException(Problem.UNRESOLVABLE, "Module '" + module + "' cannot be resolved: "
                        + bundleFailure.getMessage(), failure);
            }
            if (bundleFailure.getType() == BundleException.ACTIVATOR_ERROR && bundleFailure.getCause() != null) {
                Throwable cause = bundleFailure.getCause();
                return new ModuleException(Problem.ACTIVATION_FAILED, "Module '" + module + "' failed to " + what
                        + ": its activator threw " + cause.getClass().getName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), failure);
            }
            return new ModuleException(Problem.ACTIVATION_FAILED, "Module '" + module + "' failed to " + what + ": "
                    + bundleFailure.getMessage(), failure);
        }
        return new ModuleException(Problem.ACTIVATION_FAILED, "Module '" + module + "' failed to " + what + ": "
                + failure, failure);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
