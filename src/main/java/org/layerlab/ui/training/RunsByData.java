package org.layerlab.ui.training;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every run of the project, grouped by the data set it trained on. The runs list and the charts show the
 * runs of one data set at a time ({@link #shownDataProperty}), so that curves of different data never share
 * an axis; the others stay a choice away.
 */
final class RunsByData {
    private final ObservableList<RunView> all = FXCollections.observableArrayList();
    private final FilteredList<RunView> shown = new FilteredList<>(all);
    private final ObservableList<String> dataNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> shownData = new SimpleObjectProperty<>();
    private String currentData;

    RunsByData() {
        shownData.addListener((o, a, data) -> shown.setPredicate(run -> Objects.equals(run.data(), data)));
        all.addListener((ListChangeListener<RunView>) c -> listDataNames());
    }

    /** The data now loaded (null: none yet); its runs are shown. */
    void dataLoaded(String data) {
        currentData = data;
        listDataNames();
        shownData.set(data != null ? data : lastRunsData());
    }

    private String lastRunsData() {
        return all.isEmpty() ? null : all.get(all.size() - 1).data();
    }

    private void listDataNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        if (currentData != null) {
            names.add(currentData);
        }
        all.forEach(run -> names.add(run.data()));
        if (!dataNames.equals(List.copyOf(names))) {
            // Only on a real change: replacing a choice box's items clears its value for a moment, and
            // the charts then drop and redraw every curve (most of a Start click's time on the UI thread).
            dataNames.setAll(names);
        }
        if (shownData.get() == null || !names.contains(shownData.get())) {
            shownData.set(currentData != null ? currentData : lastRunsData());
        }
    }

    /** Every run, of every data set. */
    ObservableList<RunView> all() {
        return all;
    }

    /** The runs of the chosen data set. */
    ObservableList<RunView> shown() {
        return shown;
    }

    /** The data sets that have runs, and the one loaded now. */
    ObservableList<String> dataNames() {
        return dataNames;
    }

    ObjectProperty<String> shownDataProperty() {
        return shownData;
    }
}
