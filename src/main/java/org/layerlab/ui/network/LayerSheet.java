package org.layerlab.ui.network;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import org.controlsfx.control.PropertySheet;
import org.layerlab.core.stack.LayerSetting;

/** The selected layer's settings in a ControlsFX property sheet; each edit goes to the ViewModel. */
final class LayerSheet extends PropertySheet {

    LayerSheet(NetworkViewModel model) {
        setId("layer-sheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(Mode.NAME);
        model.selectedSettings().addListener((ListChangeListener<LayerSetting>) c -> {
            getItems()
                    .setAll(model.selectedSettings().stream()
                            .map(s -> new Item(s, model))
                            .toList());
        });
    }

    /** One setting; choices become a drop-down, numbers and switches get the sheet's own editors. */
    private static final class Item implements PropertySheet.Item {
        private final LayerSetting setting;
        private final NetworkViewModel model;

        Item(LayerSetting setting, NetworkViewModel model) {
            this.setting = setting;
            this.model = model;
        }

        @Override
        public Class<?> getType() {
            return setting.value().getClass();
        }

        @Override
        public String getCategory() {
            return "Layer";
        }

        @Override
        public String getName() {
            return setting.name();
        }

        @Override
        public String getDescription() {
            return setting.help();
        }

        @Override
        public Object getValue() {
            return setting.value();
        }

        @Override
        public void setValue(Object value) {
            if (value != null && !value.equals(setting.value())) {
                model.changeSetting(setting.name(), value);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public Optional<Class<? extends org.controlsfx.property.editor.PropertyEditor<?>>> getPropertyEditorClass() {
            return Optional.empty();
        }
    }
}
