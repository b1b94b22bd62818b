package org.layerlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.explain.Explanation;
import org.layerlab.core.explain.Explanations;

/** Every formula LayerLab explains is LaTeX that JLaTeXMath reads and draws with ink (headless AWT). */
class FormulaImagesTest {

    @Test
    void everyFormulaIsDrawn() {
        for (Explanation e : Explanations.all()) {
            if (e.formula().isEmpty()) {
                continue;
            }
            BufferedImage image = FormulaImages.draw(e.formula());
            assertTrue(image.getWidth() > 40 && image.getHeight() > 20, e.title() + " is drawn at a readable size");
            assertTrue(inkedShare(image) > 0.01, e.title() + " has ink");
        }
    }

    /** The share of pixels that are not transparent background. */
    static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 0) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
