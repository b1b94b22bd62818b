package org.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.lesson.Lesson;
import org.layerlab.core.lesson.LessonRun;
import org.layerlab.core.lesson.RunFigures;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.ui.project.ProjectState;

/**
 * The lesson open on the Training screen: its runs are started one after another as ordinary runs (each
 * gets its network in step 2 and its settings in the form, so everything the student sees is the real
 * workbench), each when the one before has ended. Stop, here or on the Training screen, ends the lesson;
 * afterwards "what happened" is read from the runs' records.
 */
public final class LessonViewModel {
    private final ProjectState project;
    private final TrainingViewModel training;
    private final BiConsumer<LayerStack, String> useStack;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whatHappened = new ReadOnlyStringWrapper("");
    /** The records of this pass's runs so far, in the lesson's order. */
    private final List<RunRecord> done = new ArrayList<>();

    private boolean stopAsked;

    /** {@code useStack} puts a run's network in step 2, as an edit that can be undone. */
    public LessonViewModel(ProjectState project, TrainingViewModel training, BiConsumer<LayerStack, String> useStack) {
        this.project = project;
        this.training = training;
        this.useStack = useStack;
        // Another project, or New, closes the lesson; a run of it still ending is not followed any more.
        project.openedProperty().addListener((o, a, b) -> forget());
    }

    /** Shows {@code shown} once its data is loaded, with its first run's network and settings in place. */
    public void open(Lesson shown) {
        forget();
        lesson.set(shown);
        prepare(shown.runs().get(0));
        status.set("Press Start lesson to train its " + runs(shown.runs().size()) + ", one after another.");
    }

    /** Starts the lesson's runs from the first; nothing while a run trains. */
    public void start() {
        Lesson current = lesson.get();
        if (current == null || active.get() || training.runningProperty().get()) {
            return;
        }
        done.clear();
        stopAsked = false;
        whatHappened.set("");
        active.set(true);
        startNext(project.openedProperty().get());
    }

    /** Stops the run that trains and the runs after it. */
    public void stop() {
        if (active.get()) {
            stopAsked = true;
            training.stop();
        }
    }

    private void startNext(int opened) {
        Lesson current = lesson.get();
        if (current == null || project.openedProperty().get() != opened) {
            return;
        }
        if (stopAsked || done.size() == current.runs().size()) {
            end(current);
            return;
        }
        if (!dataLoaded(current)) {
            active.set(false);
            status.set("The lesson needs the sample \"" + current.sample() + "\", which is no longer loaded. "
                    + "Open the lesson again from the Welcome tab.");
            return;
        }
        LessonRun run = current.runs().get(done.size());
        prepare(run);
        // Said before the run starts: a run that ends at once (it cannot train) has its say after this.
        status.set("Run " + (done.size() + 1) + " of " + current.runs().size() + ": " + run.role() + " is training.");
        if (!training.start(run.role(), record -> ended(record, opened))) {
            active.set(false);
            status.set("The run \"" + run.role() + "\" could not start: see the message above the charts.");
        }
    }

    private void ended(RunRecord record, int opened) {
        if (!active.get() || project.openedProperty().get() != opened) {
            return;
        }
        done.add(record);
        if (TrainingOutcome.CANCELLED.name().equals(record.outcome())) {
            stopAsked = true;
        }
        startNext(opened);
    }

    private void end(Lesson current) {
        List<RunFigures> figures = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            figures.add(RunFigures.of(current.runs().get(i).role(), done.get(i)));
        }
        active.set(false);
        status.set(stopAsked ? "Lesson stopped." : "Lesson finished: " + runs(done.size()) + ".");
        whatHappened.set(current.whatHappened(figures));
    }

    /** Puts the run's network in step 2 and its settings in the form. */
    private void prepare(LessonRun run) {
        Dataset data = project.datasetProperty().get();
        if (data != null) {
            useStack.accept(run.network().stackFor(data), "Lesson: " + run.role());
        }
        project.trainingProperty().set(run.config());
    }

    /** Whether the lesson's sample is loaded (its label column may have been chosen since: any is fine). */
    private boolean dataLoaded(Lesson current) {
        DataSettings loaded = project.dataSettingsProperty().get();
        return loaded != null
                && loaded.source().equals(DataSettings.sample(current.sample()).source())
                && project.datasetProperty().get() != null;
    }

    /** Closes the lesson shown (not while its runs train); its runs stay in the runs list. */
    public void close() {
        if (active.get() && training.runningProperty().get()) {
            return;
        }
        forget();
    }

    private void forget() {
        stopAsked = true;
        active.set(false);
        lesson.set(null);
        status.set("");
        whatHappened.set("");
    }

    private static String runs(int count) {
        return count == 1 ? "1 run" : count + " runs";
    }

    /** The lesson shown, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** True from Start lesson until its last run has ended or it was stopped. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Where the lesson is: "Run 2 of 3: lr 0.1 is training." */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What happened, read from the runs' figures once the lesson has ended; empty before. */
    public ReadOnlyStringProperty whatHappenedProperty() {
        return whatHappened.getReadOnlyProperty();
    }
}
