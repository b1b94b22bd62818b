package org.layerlab.ui.network;

import java.util.List;
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
            if (!onlyWhatWasTyped(model.selectedSettings())) {
                getItems()
                        .setAll(model.selectedSettings().stream()
                                .map(s -> new Item(s, model))
                                .toList());
            }
        });
    }

    /**
     * True when the new settings are the ones shown, changed only by what the student typed into them: the
     * editors are then kept, so that typing goes on in the same field. Anything else (another layer, undo)
     * rebuilds them.
     */
    private boolean onlyWhatWasTyped(List<LayerSetting> settings) {
        if (settings.size() != getItems().size()) {
            return false;
        }
        for (int i = 0; i < settings.size(); i++) {
            Item shown = (Item) getItems().get(i);
            LayerSetting now = settings.get(i);
            if (!shown.setting.name().equals(now.name()) || !shown.getValue().equals(now.value())) {
                return false;
            }
            shown.setting = now;
        }
        return true;
    }

    /** One setting; choices become a drop-down, numbers and switches get the sheet's own editors. */
    private static final class Item implements PropertySheet.Item {
        private LayerSetting setting;
        private Object typed;
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

        /** The value last typed or chosen, until the stack has it; then the stack's value. */
        @Override
        public Object getValue() {
            return typed != null ? typed : setting.value();
        }

        @Override
        public void setValue(Object value) {
            if (value != null && !value.equals(getValue())) {
                typed = value;
                model.changeSetting(setting.name(), value);
                typed = null;
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
