package org.layerlab.ui.training;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingDefaults;
import org.layerlab.ui.project.ProjectState;

/**
 * Batch size and epochs that fit newly loaded data, by the rule {@code train} uses too, and the lines the
 * Training tab shows about them: what was chosen (while the settings are still those), and a warning
 * while an epoch is only a few batches. The data of a project being opened keeps the project's settings.
 */
public final class DataDefaults {
    private final ProjectState project;
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private TrainingDefaults applied;
    private DataSettings openedData;

    DataDefaults(ProjectState project, Consumer<TrainingDefaults> apply) {
        this.project = project;
        project.openedProperty().addListener(o -> {
            openedData = project.dataSettingsProperty().get();
            applied = null;
            update();
        });
        project.datasetProperty().addListener((o, before, data) -> {
            if (data != null && !isOpenedProjectsData()) {
                applied = TrainingDefaults.forTrainingRows(data.train().count());
                apply.accept(applied);
            }
            openedData = null;
            update();
        });
        project.trainingProperty().addListener(o -> update());
    }

    private boolean isOpenedProjectsData() {
        return openedData != null
                && openedData.equals(project.dataSettingsProperty().get());
    }

    private void update() {
        Dataset data = project.datasetProperty().get();
        TrainingConfig config = project.trainingProperty().get();
        boolean stillChosen = applied != null
                && data != null
                && config.batchSize() == applied.batchSize()
                && config.epochs() == applied.epochs();
        chosen.set(stillChosen ? applied.description() : "");
        warning.set(
                data == null
                        ? ""
                        : TrainingDefaults.fewBatchesWarning(data.train().count(), config.batchSize())
                                .orElse(""));
    }

    /** "Settings chosen for 124 training rows: batch 8, 94 epochs (…)", while they are unchanged; else empty. */
    public ReadOnlyStringProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Why an epoch of a few batches learns little; empty when an epoch has enough. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }
}
