package org.layerlab.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;
import org.layerlab.data.DataRequests;
import org.layerlab.data.SampleCatalog;
import org.layerlab.data.TablePreview;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.ProjectState;

/** The data step: choose a sample or a file, load it in the background, and describe what was loaded. */
public final class DataViewModel {
    private static final int PREVIEW_ROWS = 20;
    private static final int THUMBNAILS = 32;

    /** How many samples of one class the training part has. */
    public record ClassCount(String name, int count) {}

    /** One image to show: planar bytes, as the model reads them, with its class. */
    public record Thumbnail(byte[] pixels, int channels, int height, int width, String label) {}

    private final ProjectState project;
    private final TaskExecutor executor;
    private final ObservableList<SampleCatalog.Sample> samples = FXCollections.observableArrayList(SampleCatalog.all());
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary =
            new SimpleStringProperty("No data loaded yet: pick a sample or open a file.");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObjectProperty<TablePreview> preview = new SimpleObjectProperty<>();
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final StringProperty labelColumn = new SimpleStringProperty();
    /** The label column of the data on show: the combo box echoing it back is not the student's choice. */
    private String shownLabel;

    private final ObservableList<ClassCount> classCounts = FXCollections.observableArrayList();
    private final ObservableList<Thumbnail> thumbnails = FXCollections.observableArrayList();

    public DataViewModel(ProjectState project, TaskExecutor executor) {
        this.project = project;
        this.executor = executor;
        project.openedProperty().addListener((o, a, b) -> {
            if (project.dataSettingsProperty().get() != null) {
                load(project.dataSettingsProperty().get());
            } else {
                clear();
            }
        });
    }

    public void loadSample(String name) {
        load(DataSettings.sample(name));
    }

    public void loadFile(Path file) {
        load(new DataSettings(file.toString(), "auto", null, null, 0, false, false, 0.2));
    }

    /** Reloads the current data with another label column. */
    public void chooseLabel(String column) {
        DataSettings current = project.dataSettingsProperty().get();
        if (current != null && column != null && !column.equals(current.labelColumn()) && !column.equals(shownLabel)) {
            load(current.withLabelColumn(column));
        }
    }

    public void load(DataSettings settings) {
        loading.set(true);
        error.set("");
        progress.set("");
        TrainingConfig config = project.trainingProperty().get();
        DataRequest request = DataRequests.from(settings, config.validationFraction(), config.seed());
        executor.submit(
                report -> DataLoading.load(
                        request,
                        PREVIEW_ROWS,
                        (message, fraction) -> report.accept(new TaskExecutor.Progress(message, fraction))),
                report -> progress.set(report.message()),
                loaded -> {
                    loading.set(false);
                    progress.set("");
                    show(settings, loaded);
                },
                failure -> {
                    loading.set(false);
                    progress.set("");
                    error.set(FailureSentence.forWindow(failure));
                });
    }

    private void show(DataSettings settings, DataLoading.Loaded loaded) {
        Dataset d = loaded.dataset();
        project.dataSettingsProperty().set(settings);
        project.datasetProperty().set(d);
        preview.set(loaded.preview().orElse(null));
        summary.set(String.format(
                Locale.ROOT,
                "%s · %s · %,d samples · %d classes · input %s · split %,d train / %,d " + "validation / %,d test",
                settings.source(),
                d.kind().name().toLowerCase(Locale.ROOT),
                d.totalCount(),
                d.classCount(),
                shape(d.inputShape()),
                d.train().count(),
                d.validation().count(),
                d.test().count()));
        notes.setAll(d.notes());
        int[] counts = d.train().classCounts(d.classCount());
        List<ClassCount> bars = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            bars.add(new ClassCount(d.classNames().get(c), counts[c]));
        }
        classCounts.setAll(bars);
        if (d.preprocessing() instanceof Preprocessing.Tabular tabular) {
            labelChoices.setAll(loaded.preview().map(TablePreview::columns).orElse(List.of(tabular.labelColumn())));
            shownLabel = tabular.labelColumn();
            labelColumn.set(tabular.labelColumn());
        } else {
            labelChoices.clear();
            shownLabel = null;
            labelColumn.set(null);
        }
        thumbnails.setAll(d.kind() == DataKind.IMAGE ? thumbnailsOf(d) : List.of());
    }

    private static List<Thumbnail> thumbnailsOf(Dataset d) {
        ByteFeatures pixels = (ByteFeatures) d.train().features();
        int[] shape = d.inputShape();
        List<Thumbnail> out = new ArrayList<>();
        for (int i : mixOfClasses(d.train().labels(), d.classCount(), THUMBNAILS)) {
            byte[] one = new byte[pixels.sampleSize()];
            System.arraycopy(pixels.data(), i * pixels.sampleSize(), one, 0, one.length);
            out.add(new Thumbnail(
                    one,
                    shape[0],
                    shape[1],
                    shape[2],
                    d.classNames().get(d.train().labels()[i])));
        }
        return out;
    }

    /**
     * Up to {@code count} samples taking each class in turn (the first of every class, then the second...),
     * so that data stored class by class still shows every class, not only its first.
     */
    static List<Integer> mixOfClasses(int[] labels, int classes, int count) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> picked = new ArrayList<>();
        for (int round = 0; picked.size() < Math.min(count, labels.length); round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size() && picked.size() < count) {
                    picked.add(members.get(round));
                }
            }
        }
        return picked;
    }

    private void clear() {
        preview.set(null);
        notes.clear();
        classCounts.clear();
        thumbnails.clear();
        labelChoices.clear();
        summary.set("No data loaded yet: pick a sample or open a file.");
        error.set("");
    }

    private static String shape(int[] dims) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return text.append(')').toString();
    }

    public ObservableList<SampleCatalog.Sample> samples() {
        return samples;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** While a table loads, how many of its rows have been read; empty otherwise. */
    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ObjectProperty<TablePreview> previewProperty() {
        return preview;
    }

    public ObservableList<String> labelChoices() {
        return labelChoices;
    }

    public StringProperty labelColumnProperty() {
        return labelColumn;
    }

    public ObservableList<ClassCount> classCounts() {
        return classCounts;
    }

    public ObservableList<Thumbnail> thumbnails() {
        return thumbnails;
    }
}
