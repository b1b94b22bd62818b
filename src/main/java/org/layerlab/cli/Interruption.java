package org.layerlab.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.training.TrainingControl;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a run trains: the first asks the run to stop after the current batch, so
 * that the finished epochs can be saved; a second one quits at once. A shutdown hook could not do the
 * second: the JVM ignores further signals once it has begun to shut down. The exit status is the shell's
 * for a signal, 128 + its number (130 for Ctrl-C, 143 for SIGTERM).
 *
 * <p>sun.misc.Signal (module jdk.unsupported, kept for this use by JEP 260) is the JDK's only way to handle
 * a signal and go on. It is reached by reflection because javac warns about every mention of it, with no
 * way to suppress that, and the build treats warnings as errors.
 */
final class Interruption implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final TrainingControl control;
    private final PrintWriter out;
    private final List<Runnable> restore = new ArrayList<>();
    private volatile String received;
    private volatile int status;

    private Interruption(TrainingControl control, PrintWriter out) {
        this.control = control;
        this.out = out;
    }

    /** Handles the signals until {@link #close()}; where the JVM cannot (e.g. -Xrs), they end it as usual. */
    static Interruption watch(TrainingControl control, PrintWriter out) {
        Interruption interruption = new Interruption(control, out);
        for (String name : SIGNALS) {
            try {
                interruption.restore.add(install(name, interruption));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // The signal stays with the JVM, which ends the run the default way.
            }
        }
        return interruption;
    }

    /** Installs the handler for one signal; returns what puts the previous handler back. */
    private static Runnable install(String name, Interruption interruption) throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        int number = (Integer) signalClass.getMethod("getNumber").invoke(signal);
        Object handler = Proxy.newProxyInstance(
                handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                    if (method.getName().equals("handle")) {
                        interruption.handle(name, number);
                        return null;
                    }
                    return method.getName().equals("toString") ? "LayerLab's " + name + " handler" : null;
                });
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object previous = handle.invoke(null, signal, handler);
        return () -> {
            try {
                handle.invoke(null, signal, previous);
            } catch (IllegalAccessException | InvocationTargetException e) {
                // Only at the end of the command; the JVM exits right after.
            }
        };
    }

    private void handle(String name, int number) {
        if (received != null) {
            Runtime.getRuntime().halt(128 + number);
        }
        received = "INT".equals(name) ? "Ctrl-C" : "SIG" + name;
        status = 128 + number;
        control.cancel();
        out.println();
        out.println("Stopping after this batch to keep the finished epochs (" + received + " again quits at once)…");
        out.flush();
    }

    /** The signal as a user knows it ("Ctrl-C", "SIGTERM"), or null when none came. */
    String signalName() {
        return received;
    }

    /** 128 + the signal's number, as a shell reports a program that a signal ended; 0 when none came. */
    int exitStatus() {
        return status;
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
