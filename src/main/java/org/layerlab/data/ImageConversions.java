package org.layerlab.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.ImagePreparation;
import org.layerlab.core.data.Preprocessing;

/**
 * Counts the images that had to be changed to what a model was trained on (colour to grey, grey to colour,
 * another size), so that prediction can say so once rather than change them silently.
 */
final class ImageConversions {
    private final Preprocessing.Image model;
    private int toGrey;
    private int toColour;
    private int resized;
    private int prepared;
    private int inverted;
    private int cropped;
    private String lastNote = "";

    ImageConversions(Preprocessing.Image model) {
        this.model = model;
    }

    /** Counts an image and what {@link ImageFiles#prepare} did with it (empty: it was only resized). */
    void count(BufferedImage image, Optional<ImagePreparation.Prepared> preparation) {
        toGrey += model.channels() == 1 && hasColour(image) ? 1 : 0;
        toColour += model.channels() == 3 && greyFile(image) ? 1 : 0;
        if (preparation.isPresent()) {
            prepared++;
            inverted += preparation.get().inverted() ? 1 : 0;
            cropped += preparation.get().cropped() ? 1 : 0;
            lastNote = preparation.get().note();
        } else {
            resized += image.getWidth() != model.width() || image.getHeight() != model.height() ? 1 : 0;
        }
    }

    /** The notes for one image, preparation said in its own words ("digit.png: inverted, cropped …"). */
    List<String> notes(String name) {
        List<String> notes = notes();
        if (prepared == 1) {
            notes.removeIf(n -> n.startsWith("1 image prepared"));
            notes.add(name + ": " + lastNote + ", as the training digits were made.");
        }
        return notes;
    }

    /** One line per kind of change made; none when the images were as the model expects. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (toGrey > 0) {
            notes.add(images(toGrey, "colour image") + " converted to grey, as the model was trained on grey images.");
        }
        if (toColour > 0) {
            notes.add(images(toColour, "grey image") + " converted to colour, as the model was trained on colour "
                    + "images.");
        }
        if (prepared > 0) {
            ContentFrame frame = model.frame();
            List<String> parts = new ArrayList<>();
            if (inverted > 0) {
                parts.add(inverted + " inverted (light background)");
            }
            if (cropped > 0) {
                parts.add(String.format(
                        Locale.ROOT,
                        "%d cropped to the ink, scaled to fit %d×%d and centred by mass in %d×%d",
                        cropped,
                        frame.boxWidth(),
                        frame.boxHeight(),
                        model.width(),
                        model.height()));
            }
            if (prepared > cropped) {
                parts.add((prepared - cropped) + " already framed like them, kept");
            }
            notes.add(images(prepared, "image") + " prepared as the training digits were: " + String.join(", ", parts)
                    + ".");
        }
        if (resized > 0) {
            String size = String.format(Locale.ROOT, "%d×%d", model.width(), model.height());
            notes.add(images(resized, "image") + " resized to " + size + ", as the model was trained on " + size
                    + " images.");
        }
        return notes;
    }

    private static String images(int count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }

    private static boolean greyFile(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 1;
    }

    /** An image has colour when any pixel's red, green and blue differ: an RGB file of grey pixels has none. */
    private static boolean hasColour(BufferedImage image) {
        if (greyFile(image)) {
            return false;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r != g || g != b) {
                    return true;
                }
            }
        }
        return false;
    }
}
