package org.layerlab.ui.network;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.ui.common.ViewPart;

/** The small coloured badge of each layer kind (assets/icons), one colour per family of layers. */
@ViewPart
final class LayerIcons {
    private static final double SIZE = 22;
    private static final Map<LayerKind, Image> IMAGES = new EnumMap<>(LayerKind.class);

    private LayerIcons() {}

    static ImageView of(LayerKind kind) {
        Image image = IMAGES.computeIfAbsent(
                kind,
                k -> new Image(
                        LayerIcons.class.getResourceAsStream("/assets/icons/" + k.jsonType() + ".png"),
                        SIZE,
                        SIZE,
                        true,
                        true));
        return new ImageView(image);
    }
}
