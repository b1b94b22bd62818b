package org.layerlab.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The boxed message a screen shows above its content (why nothing is shown, what to do); hidden when empty. */
@ViewPart
public final class MessageBox {
    private MessageBox() {}

    public static Label of(String id, ObservableStringValue text) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(text);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        message.setStyle("-fx-padding: 8 12; -fx-background-radius: 6; -fx-background-color: -color-accent-subtle; "
                + "-fx-text-fill: -color-fg-default; -fx-border-color: -color-accent-muted; -fx-border-radius: 6;");
        return message;
    }
}
