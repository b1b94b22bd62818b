package org.layerlab.ui.serve;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.errors.FailureSentence;
import org.layerlab.serve.ModelService;
import org.layerlab.serve.ServeOptions;
import org.layerlab.serve.ServedModel;
import org.layerlab.serve.ServiceStats;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/**
 * Serves the selected run on a local HTTP endpoint (127.0.0.1): start and stop, the address, a curl
 * line to copy, and a live line of requests and latency. The service predicts through the run's lock, so
 * Try it and the service never use the model at once; selecting another run or closing the window stops it.
 */
public final class ServeViewModel {
    private final ProjectState state;
    private final TaskExecutor executor;
    private final int port;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty curl = new SimpleStringProperty("");
    private final StringProperty stats = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private ModelService service;

    /** {@code port} is the one to try first (8080 in the app); a taken port falls back to a free one. */
    public ServeViewModel(ProjectState state, TaskExecutor executor, int port) {
        this.state = state;
        this.executor = executor;
        this.port = port;
        state.selectedRunProperty().addListener((o, before, after) -> {
            if (service != null) {
                stop();
                message.set("Stopped serving " + (before == null ? "the run" : before.name())
                        + ": another run was selected. Press Serve to serve it.");
            }
        });
    }

    public void start() {
        LoadedRun run = state.selectedModelProperty().get();
        if (run == null || service != null) {
            message.set(run == null ? "Select a trained run first (Training tab, runs list)." : message.get());
            return;
        }
        ServedModel model = new ServedModel(
                ServedModel.nameFrom(run.run().name()),
                run.info(),
                run.run().stack(),
                features -> run.apply(m -> m.predict(features)));
        busy.set(true);
        executor.submit(
                () -> startOnFreePort(model),
                started -> {
                    busy.set(false);
                    service = started;
                    running.set(true);
                    address.set(started.address().toString());
                    curl.set(started.curlExample());
                    message.set("Serving " + run.run().name() + " on this computer only (127.0.0.1); stop it here or "
                            + "by closing LayerLab.");
                    refresh();
                },
                failure -> {
                    busy.set(false);
                    message.set("Could not start the service: " + FailureSentence.forWindow(failure));
                });
    }

    private ModelService startOnFreePort(ServedModel model) throws IOException {
        ServeOptions options = ServeOptions.DEFAULT.withPort(port);
        try {
            return ModelService.start(model, options);
        } catch (BindException taken) {
            return ModelService.start(model, options.withPort(0));
        }
    }

    /** Reads the live figures; the view calls it a couple of times a second while serving. */
    public void refresh() {
        if (service == null) {
            return;
        }
        ServiceStats s = service.stats();
        stats.set(String.format(
                Locale.ROOT,
                "%,d requests · %,d errors · latency p50 %.1f ms, p99 %.1f ms",
                s.requests(),
                s.errors(),
                s.p50Millis(),
                s.p99Millis()));
    }

    /** Stops the service and waits for requests in flight; safe to call when it is not running. */
    public void stop() {
        ModelService stopping = service;
        service = null;
        running.set(false);
        address.set("");
        curl.set("");
        stats.set("");
        if (stopping != null) {
            stopping.stop();
            message.set("Stopped serving.");
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty curlProperty() {
        return curl;
    }

    public StringProperty statsProperty() {
        return stats;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
