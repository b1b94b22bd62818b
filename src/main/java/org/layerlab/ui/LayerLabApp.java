package org.layerlab.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.UserFolders;
import org.layerlab.serve.ServeOptions;
import org.layerlab.ui.common.FxDispatcher;
import org.layerlab.ui.common.FxTaskExecutor;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.export.ExportViewModel;
import org.layerlab.ui.inside.InsideViewModel;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.ProjectViewModel;
import org.layerlab.ui.project.RunModels;
import org.layerlab.ui.results.ResultsViewModel;
import org.layerlab.ui.serve.ServeViewModel;
import org.layerlab.ui.training.TrainingViewModel;
import org.layerlab.ui.tryit.TryItViewModel;

/** The composition root of the workbench: one engine, one executor, a ViewModel and a View per step. */
public final class LayerLabApp extends Application {
    /**
     * ControlsFX's own style sheets look up Modena colours that the AtlantaFX theme does not define; JavaFX
     * then logs a warning per control and frame. They are harmless, so that logger only reports errors.
     */
    private static final java.util.logging.Logger CSS_LOG = java.util.logging.Logger.getLogger("javafx.css");

    /** The project file the desktop asked to open (a double-click on NAME.layerlab), or null. */
    private static volatile Path projectToOpen;

    private FxTaskExecutor executor;

    /** Opens the workbench window, with {@code project} when it is not null; returns when it is closed. */
    public static void open(Path project) {
        projectToOpen = project;
        Application.launch(LayerLabApp.class);
    }

    /**
     * LayerLab's own folder for recent projects, unsaved runs and the recovery copy: the user's data folder
     * (see {@link UserFolders}), never the install folder; tests point it elsewhere.
     */
    public static Path home() {
        String configured = System.getProperty("layerlab.home");
        return configured != null ? Path.of(configured) : UserFolders.current().data();
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        MainWindow window = build(stage, new DjlTrainingEngine(), executor, home());
        stage.getIcons().add(new Image(LayerLabApp.class.getResourceAsStream("/assets/icon.png")));
        WindowPlacement.place(stage, home());
        stage.show();
        window.offerRecovery();
        if (projectToOpen != null) {
            window.projects().open(projectToOpen);
        }
        MacFileOpening.forward(
                file -> new FxDispatcher().dispatch(() -> window.projects().open(file)));
    }

    /** Wires the window; tests call it with their own stage. */
    public static MainWindow build(Stage stage, TrainingEngine engine, FxTaskExecutor executor, Path home) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CSS_LOG.setLevel(java.util.logging.Level.SEVERE);
        ProjectState state = new ProjectState();
        RunModels runModels = new RunModels(state, engine, executor, home);
        ProjectViewModel projects = new ProjectViewModel(state, executor, runModels, home);
        DataViewModel data = new DataViewModel(state, executor);
        NetworkViewModel network = new NetworkViewModel(state);
        TrainingViewModel training = new TrainingViewModel(state, engine, runModels, executor, new FxDispatcher());
        ResultsViewModel results = new ResultsViewModel(state, runModels, executor);
        ExportViewModel export = new ExportViewModel(state, executor);
        TryItViewModel tryIt = new TryItViewModel(state, executor);
        // A run whose model cannot be opened says why on Try it too, not only on Results.
        runModels.messageProperty().addListener((o, a, problem) -> {
            if (!problem.isEmpty()) {
                tryIt.modelProblem(problem);
            }
        });
        ServeViewModel serve = new ServeViewModel(state, executor, ServeOptions.DEFAULT_PORT);
        InsideViewModel inside = new InsideViewModel(state, executor, training.runningProperty());
        return new MainWindow(stage, projects, data, network, training, results, export, tryIt, serve, inside);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
