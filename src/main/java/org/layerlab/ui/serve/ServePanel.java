package org.layerlab.ui.serve;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Serve / Stop, the address and a curl line to copy, and the live requests and latency. */
public final class ServePanel extends VBox {

    public ServePanel(ServeViewModel model, ObservableBooleanValue noRun) {
        super(4);
        Button toggle = new Button();
        toggle.setId("serve");
        toggle.textProperty()
                .bind(Bindings.when(model.runningProperty())
                        .then("Stop serving")
                        .otherwise("Serve"));
        toggle.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.stop();
            } else {
                model.start();
            }
        });
        toggle.disableProperty()
                .bind(Bindings.or(
                        model.busyProperty(),
                        Bindings.and(noRun, model.runningProperty().not())));
        toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField address = copyable(model.addressProperty(), "serve-address");
        address.setPrefColumnCount(22);
        TextField curl = copyable(model.curlProperty(), "serve-curl");
        HBox.setHgrow(curl, Priority.ALWAYS);
        Label stats = new Label();
        stats.setId("serve-stats");
        stats.textProperty().bind(model.statsProperty());
        HBox line = new HBox(8, toggle, address, curl);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("serve-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        for (Label shownWhenSet : java.util.List.of(stats, message)) {
            shownWhenSet.managedProperty().bind(shownWhenSet.textProperty().isNotEmpty());
            shownWhenSet.visibleProperty().bind(shownWhenSet.managedProperty());
        }
        getChildren().addAll(line, stats, message);
        // The live line: two reads a second while serving, nothing otherwise.
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(500), e -> model.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((o, a, serving) -> {
            if (serving) {
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    /** Read-only text that can be selected and copied; hidden while empty. */
    private static TextField copyable(javafx.beans.property.StringProperty text, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.textProperty().bind(text);
        field.visibleProperty().bind(text.isNotEmpty());
        field.managedProperty().bind(field.visibleProperty());
        return field;
    }
}
