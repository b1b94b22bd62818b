package org.layerlab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson banner above the Training screen: what to try and watch for, Start lesson / Stop lesson, where
 * the lesson is, and afterwards what happened. It takes no room while no lesson is open.
 */
public final class LessonPanel extends VBox {

    public LessonPanel(LessonViewModel model) {
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        setSpacing(6);
        setPadding(new Insets(10, 12, 10, 12));
        visibleProperty().bind(model.lessonProperty().isNotNull());
        managedProperty().bind(visibleProperty());

        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add("title-4");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.lessonProperty().get() == null
                                ? ""
                                : "Lesson: " + model.lessonProperty().get().title(),
                        model.lessonProperty()));
        Label guide = wrapped("lesson-guide");
        guide.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.lessonProperty().get() == null
                                ? ""
                                : model.lessonProperty().get().guide(),
                        model.lessonProperty()));

        Button start = new Button("Start lesson");
        start.setId("start-lesson");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.activeProperty());
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop lesson");
        stop.setId("stop-lesson");
        stop.disableProperty().bind(model.activeProperty().not());
        stop.setOnAction(e -> model.stop());
        Button close = new Button("Close");
        close.setId("close-lesson");
        close.disableProperty().bind(model.activeProperty());
        close.setOnAction(e -> model.close());
        Label status = wrapped("lesson-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox actions = new HBox(8, start, stop, status, spacer, close);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label whatHappened = wrapped("lesson-what-happened");
        whatHappened.getStyleClass().add("lesson-what-happened");
        whatHappened.textProperty().bind(Bindings.concat("What happened: ", model.whatHappenedProperty()));
        whatHappened.visibleProperty().bind(model.whatHappenedProperty().isNotEmpty());
        whatHappened.managedProperty().bind(whatHappened.visibleProperty());

        getChildren().addAll(title, guide, actions, whatHappened);
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
