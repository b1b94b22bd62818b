package org.layerlab.ui.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.layerlab.export.ExportFormat;

/** "Export…" with one entry per format, a save dialog, and a line saying what was written. */
public final class ExportMenu extends HBox {

    public ExportMenu(ExportViewModel model, javafx.beans.value.ObservableBooleanValue noRun) {
        super(8);
        MenuButton menu = new MenuButton("Export…");
        menu.setId("export");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.description());
            item.setOnAction(e -> {
                File chosen = chooser(model, format).showSaveDialog(getScene().getWindow());
                if (chosen != null) {
                    model.export(format, chosen.toPath(), false, () -> replace(chosen));
                }
            });
            menu.getItems().add(item);
        }
        menu.disableProperty().bind(javafx.beans.binding.Bindings.or(noRun, model.busyProperty()));
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(menu, message);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** Starts in ~/LayerLab with a name that says which run and format. */
    private static FileChooser chooser(ExportViewModel model, ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as " + format.description());
        Path home = Path.of(System.getProperty("user.home"), "LayerLab");
        try {
            Files.createDirectories(home);
            chooser.setInitialDirectory(home.toFile());
        } catch (java.io.IOException e) {
            // No LayerLab folder: the dialog opens where the system chooses.
        }
        chooser.setInitialFileName(model.suggestedName(format));
        return chooser;
    }

    private boolean replace(File target) {
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                target.getName() + " already exists. Replace it?",
                ButtonType.CANCEL,
                ButtonType.OK);
        alert.setHeaderText("Replace the earlier export?");
        alert.initOwner(getScene().getWindow());
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
