package org.layerlab.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.errors.FailureSentence;
import org.layerlab.export.ExportException;
import org.layerlab.export.ExportFormat;
import org.layerlab.export.ExportSource;
import org.layerlab.export.Exports;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/**
 * Exports the selected run in the background: ONNX, PyTorch or Keras code, or a training report that
 * includes the run's test figures when the loaded data is the data it was trained on.
 */
public final class ExportViewModel {
    private final ProjectState state;
    private final TaskExecutor executor;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public ExportViewModel(ProjectState state, TaskExecutor executor) {
        this.state = state;
        this.executor = executor;
        state.selectedRunProperty().addListener((o, a, b) -> message.set(""));
    }

    /** A name to offer in the save dialog: "run-2-onnx.onnx", "run-2-pytorch", "run-2-report.html". */
    public String suggestedName(ExportFormat format) {
        LoadedRun run = state.selectedModelProperty().get();
        String base = (run == null ? "model" : run.run().name())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-") + "-" + format.cliName();
        return switch (format) {
            case ONNX -> base + ".onnx";
            case REPORT -> base + ".html";
            case PYTORCH, KERAS -> base;
        };
    }

    /**
     * Writes the export; when the target exists and {@code overwrite} is false, {@code askToReplace} is called
     * and, if it answers true, the export is written again over it.
     */
    public void export(ExportFormat format, Path target, boolean overwrite, BooleanSupplier askToReplace) {
        LoadedRun run = state.selectedModelProperty().get();
        if (run == null) {
            message.set("Select a trained run first (Training tab, runs list).");
            return;
        }
        Dataset data = state.datasetProperty().get();
        busy.set(true);
        message.set("Exporting " + run.run().name() + " as " + format.description() + "…");
        executor.submit(
                () -> run.apply(model -> {
                    Evaluation test = ownTestData(run.info(), data) ? model.evaluate(data.test()) : null;
                    ExportSource source = new ExportSource(
                            model,
                            run.run().name(),
                            run.run().config(),
                            run.run().epochs(),
                            test);
                    try {
                        return Exports.write(format, source, target, overwrite);
                    } catch (ExportException | java.io.IOException e) {
                        throw new ExportFailed(e);
                    }
                }),
                made -> done(made),
                failure -> {
                    busy.set(false);
                    Throwable cause = failure instanceof ExportFailed f ? f.getCause() : failure;
                    if (cause instanceof ExportException e && e.targetExists()) {
                        message.set(e.getMessage());
                        if (askToReplace.getAsBoolean()) {
                            export(format, target, true, askToReplace);
                        }
                        return;
                    }
                    message.set("Not exported: " + FailureSentence.forWindow(cause));
                });
    }

    private static boolean ownTestData(ModelInfo info, Dataset data) {
        return data != null
                && info.trainedOn(data.name(), data.totalCount())
                && data.split().sameTestRows(info.split())
                && data.test().count() > 0;
    }

    private void done(List<Path> made) {
        busy.set(false);
        message.set("Wrote "
                + String.join(
                        ", ", made.stream().map(p -> p.getFileName().toString()).toList()) + " in "
                + made.get(0).toAbsolutePath().getParent() + ".");
    }

    /** Carries a checked export failure out of the model's lock. */
    private static final class ExportFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExportFailed(Exception cause) {
            super(cause);
        }
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
