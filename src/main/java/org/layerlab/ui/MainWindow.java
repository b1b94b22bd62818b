package org.layerlab.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.layerlab.core.lesson.Lesson;
import org.layerlab.core.project.DataSettings;
import org.layerlab.files.ProjectFile;
import org.layerlab.ui.data.DataView;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.export.ExportMenu;
import org.layerlab.ui.export.ExportViewModel;
import org.layerlab.ui.inside.InsideView;
import org.layerlab.ui.inside.InsideViewModel;
import org.layerlab.ui.network.NetworkView;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectViewModel;
import org.layerlab.ui.results.ResultsView;
import org.layerlab.ui.results.ResultsViewModel;
import org.layerlab.ui.serve.ServePanel;
import org.layerlab.ui.serve.ServeViewModel;
import org.layerlab.ui.training.LessonPanel;
import org.layerlab.ui.training.LessonViewModel;
import org.layerlab.ui.training.TrainingView;
import org.layerlab.ui.training.TrainingViewModel;
import org.layerlab.ui.tryit.TryItView;
import org.layerlab.ui.tryit.TryItViewModel;
import org.layerlab.ui.welcome.WelcomeView;

/** The window: a menu bar, the workflow as tabs (Welcome, 1 Data … 6 Inside), a status bar. */
public final class MainWindow {
    private final Stage stage;
    private final ProjectViewModel projects;
    private final DataViewModel data;
    private final NetworkViewModel network;
    private final TrainingViewModel training;
    private final LessonViewModel lessons;
    private final ResultsViewModel results;
    private final TryItViewModel tryIt;
    private final ServeViewModel serve;
    private final TabPane tabs = new TabPane();
    private final Tab dataTab;
    private final Tab trainingTab;

    public MainWindow(
            Stage stage,
            ProjectViewModel projects,
            DataViewModel data,
            NetworkViewModel network,
            TrainingViewModel training,
            ResultsViewModel results,
            ExportViewModel export,
            TryItViewModel tryIt,
            ServeViewModel serve,
            InsideViewModel inside) {
        this.tryIt = tryIt;
        this.serve = serve;
        this.stage = stage;
        this.results = results;
        this.projects = projects;
        this.data = data;
        this.network = network;
        this.training = training;
        this.lessons = new LessonViewModel(projects.state(), training, network::replaceStack);
        Tab welcome = new Tab(
                "Welcome",
                new WelcomeView(
                        projects.recent(),
                        new WelcomeView.Actions(
                                this::openExample,
                                this::openLesson,
                                this::openRecent,
                                this::openProject,
                                () -> tabs.getSelectionModel().select(1))));
        dataTab = new Tab("1  Data", new DataView(data));
        Tab networkTab = new Tab("2  Network", new NetworkView(network));
        TrainingView trainingView = new TrainingView(training);
        VBox.setVgrow(trainingView, Priority.ALWAYS);
        trainingTab = new Tab("3  Training", new VBox(new LessonPanel(lessons), trainingView));
        ResultsView resultsView = new ResultsView(results);
        resultsView.addAction(
                new ExportMenu(export, results.selectedRunProperty().isNull()));
        resultsView.addAction(
                new ServePanel(serve, results.selectedRunProperty().isNull()));
        Tab resultsTab = new Tab("4  Results", resultsView);
        resultsTab.setId("results-tab");
        results.shownProperty().bind(resultsTab.selectedProperty());
        Tab tryItTab = new Tab("5  Try it", new TryItView(tryIt));
        tryItTab.setId("try-it-tab");
        tryIt.shownProperty().bind(tryItTab.selectedProperty());
        Tab insideTab = new Tab("6  Inside", new InsideView(inside));
        insideTab.setId("inside-tab");
        inside.shownProperty().bind(insideTab.selectedProperty());
        tabs.getTabs().setAll(welcome, dataTab, networkTab, trainingTab, resultsTab, tryItTab, insideTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("steps");
        BorderPane root = new BorderPane(tabs);
        root.setTop(menus());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1280, 800);
        // F1 on a control a Help panel explains (a layer, a training setting) shows that; anywhere else the guide.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1) {
                e.consume();
                showHelp();
            }
        });
        scene.getStylesheets()
                .add(MainWindow.class.getResource("/assets/layerlab.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(projects.titleBinding());
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        Timeline autosave = new Timeline(new KeyFrame(Duration.minutes(1), e -> projects.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    public Stage stage() {
        return stage;
    }

    public ProjectViewModel projects() {
        return projects;
    }

    public DataViewModel data() {
        return data;
    }

    public NetworkViewModel network() {
        return network;
    }

    public TrainingViewModel training() {
        return training;
    }

    public ServeViewModel serve() {
        return serve;
    }

    public TryItViewModel tryIt() {
        return tryIt;
    }

    public LessonViewModel lessons() {
        return lessons;
    }

    public ResultsViewModel results() {
        return results;
    }

    public TabPane tabs() {
        return tabs;
    }

    private MenuBar menus() {
        MenuItem newProject = item("New", "Shortcut+N", () -> {
            whenUnsavedSettled(() -> training.stopFirst("start a new project", this::confirm, projects::newProject));
        });
        MenuItem open = item("Open…", "Shortcut+O", this::openProject);
        Menu recent = new Menu("Open Recent");
        projects.recent().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        fillRecent(recent);
        MenuItem save = item("Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As…", "Shortcut+Shift+S", this::saveAs);
        MenuItem quit = item("Quit", "Shortcut+Q", this::quit);
        Menu file = new Menu(
                "File",
                null,
                newProject,
                open,
                recent,
                new SeparatorMenuItem(),
                save,
                saveAs,
                new SeparatorMenuItem(),
                quit);
        MenuItem undo = item("Undo", "Shortcut+Z", network::undo);
        undo.textProperty().bind(network.undoTextProperty());
        undo.disableProperty().bind(network.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Y", network::redo);
        redo.textProperty().bind(network.redoTextProperty());
        redo.disableProperty().bind(network.canRedoProperty().not());
        MenuItem delete = item(
                "Delete Layer",
                "Delete",
                () -> network.remove(network.selectedProperty().get()));
        Menu edit = new Menu("Edit", null, undo, redo, delete);
        MenuItem start = item("Start Training", "Shortcut+Enter", () -> {
            tabs.getSelectionModel().select(trainingTab);
            training.start();
        });
        MenuItem stop = item("Stop Training", "Shortcut+Period", training::stop);
        Menu run = new Menu("Training", null, start, stop);
        // F1 is no accelerator: the screens' Help panels take it for the focused control first (see below).
        MenuItem guide = new MenuItem("How LayerLab works");
        guide.setOnAction(e -> showHelp());
        Menu help = new Menu("Help", null, guide);
        MenuBar bar = new MenuBar(file, edit, run, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path path : projects.recent()) {
            MenuItem entry = new MenuItem(path.getFileName().toString());
            entry.setOnAction(e -> openRecent(path));
            recent.getItems().add(entry);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(projects.statusProperty());
        Label dataset = new Label();
        dataset.textProperty().bind(data.summaryProperty());
        dataset.getStyleClass().add("text-muted");
        Label parameters = new Label();
        parameters.textProperty().bind(network.totalProperty());
        Label progress = new Label();
        progress.textProperty().bind(training.progressTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, status, spacer, progress, parameters);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void openRecent(Path path) {
        whenUnsavedSettled(
                () -> training.stopFirst("open " + path.getFileName(), this::confirm, () -> projects.open(path)));
    }

    /** Loads the example's data, then gives it the matching network and settings, and shows Training. */
    void openExample(WelcomeView.Example example) {
        whenSampleLoaded(example.sample(), () -> {
            network.applyTemplate(example.template());
            training.epochsProperty().set(example.epochs());
            training.batchSizeProperty().set(example.batchSize());
            training.learningRateProperty().set(example.learningRate());
            tabs.getSelectionModel().select(trainingTab);
            training.invite(example.title() + " is ready: press Start.");
        });
    }

    /** A lesson is a project of its own: a new project with the lesson's data, then its banner on Training. */
    private void openLesson(Lesson lesson) {
        whenUnsavedSettled(() -> training.stopFirst("open the lesson", this::confirm, () -> {
            projects.newProject();
            whenSampleLoaded(lesson.sample(), () -> {
                lessons.open(lesson);
                tabs.getSelectionModel().select(trainingTab);
            });
        }));
    }

    /** Shows Data while the bundled sample loads, then runs {@code then} if it is the data loaded. */
    private void whenSampleLoaded(String name, Runnable then) {
        tabs.getSelectionModel().select(dataTab);
        DataSettings sample = DataSettings.sample(name);
        // Waits for this load only: when it fails, or other data arrives first, it stops waiting and the
        // student's network and settings are left alone.
        ChangeListener<Object> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object before, Object after) {
                boolean failed = !data.errorProperty().get().isEmpty();
                if (!failed && projects.state().datasetProperty().get() == null) {
                    return;
                }
                projects.state().datasetProperty().removeListener(this);
                data.errorProperty().removeListener(this);
                if (!failed
                        && sample.equals(projects.state().dataSettingsProperty().get())) {
                    then.run();
                }
            }
        };
        projects.state().datasetProperty().addListener(once);
        data.errorProperty().addListener(once);
        data.loadSample(name);
    }

    private void openProject() {
        whenUnsavedSettled(() -> {
            FileChooser chooser = projectChooser("Open a project");
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                training.stopFirst("open " + file.getName(), this::confirm, () -> projects.open(file.toPath()));
            }
        });
    }

    private void save() {
        if (!projects.save()) {
            saveAs();
        }
    }

    private void saveAs() {
        FileChooser chooser = projectChooser("Save the project");
        chooser.setInitialFileName(ProjectFolder.suggestedName(
                projects.state().fileProperty().get(),
                projects.state().datasetProperty().get()));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            projects.saveAs(file.toPath());
        }
    }

    private FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(
                ProjectFolder.initial(projects.state().fileProperty().get()).toFile());
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("LayerLab projects", "*" + ProjectFile.EXTENSION));
        return chooser;
    }

    /**
     * Runs {@code then} once unsaved changes are settled: there are none, the student saved them (then
     * runs after the file is written, and not if it could not be) or let them go. Cancel runs nothing.
     */
    private void whenUnsavedSettled(Runnable then) {
        if (!projects.state().dirtyProperty().get()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Save the changes to this project first? Without saving, they are lost.",
                save,
                dontSave,
                ButtonType.CANCEL);
        alert.setHeaderText("Unsaved changes");
        alert.initOwner(stage);
        java.util.Optional<ButtonType> choice = alert.showAndWait();
        if (choice.filter(save::equals).isPresent()) {
            saveThen(then);
        } else if (choice.filter(dontSave::equals).isPresent()) {
            then.run();
        }
    }

    /** Saves (asking where, for a project never saved), then runs {@code then}; nothing if not saved. */
    private void saveThen(Runnable then) {
        Path file = projects.state().fileProperty().get();
        if (file == null) {
            FileChooser chooser = projectChooser("Save the project");
            chooser.setInitialFileName(ProjectFolder.suggestedName(
                    null, projects.state().datasetProperty().get()));
            File chosen = chooser.showSaveDialog(stage);
            if (chosen == null) {
                return;
            }
            file = chosen.toPath();
        }
        projects.saveAs(file, then);
    }

    void quit() {
        whenUnsavedSettled(() -> training.stopFirst("quit", this::confirm, () -> {
            serve.stop();
            projects.discardRecovery();
            stage.close();
        }));
    }

    /** Asks a yes-or-no question; true when the student presses OK. */
    private boolean confirm(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(stage);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void showHelp() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setHeaderText("How LayerLab works");
        alert.setContentText("1  Data: pick a sample or open a table, a folder of images or IDX files.\n"
                + "2  Network: drag layers from the palette into the stack; each shows its output shape and "
                + "parameters, and a red reason if it cannot work. Templates fill the stack for you.\n"
                + "3  Training: choose an optimizer and learning rate, press Start, watch loss and accuracy.\n\n"
                + "Shortcuts: Ctrl+Z undo, Ctrl+Y redo, Delete removes a layer, Ctrl+Enter starts training, "
                + "Ctrl+S saves.");
        alert.showAndWait();
    }

    /** Offers the unsaved work of a session that ended without saving. */
    public void offerRecovery() {
        if (!projects.recoveryAvailable()) {
            return;
        }
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "LayerLab found unsaved work from the last session. " + "Restore it?",
                ButtonType.NO,
                ButtonType.YES);
        alert.setHeaderText("Restore unsaved work?");
        alert.initOwner(stage);
        if (alert.showAndWait().filter(ButtonType.YES::equals).isPresent()) {
            projects.recover();
        } else {
            projects.discardRecovery();
        }
    }
}
