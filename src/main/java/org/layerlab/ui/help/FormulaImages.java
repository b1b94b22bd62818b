package org.layerlab.ui.help;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.layerlab.ui.common.ViewPart;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Draws LaTeX formulas with JLaTeXMath (AWT, so it also works headless) onto a transparent image in the
 * theme's text colour, and keeps each JavaFX image so that a formula is drawn once. Drawn at twice the size
 * it is shown, so that it stays sharp on high-resolution screens.
 */
@ViewPart
public final class FormulaImages {
    /** Shown size in points, and how many image pixels a shown pixel gets. */
    static final float POINTS = 17f;

    static final int SCALE = 2;
    /** AtlantaFX Primer Light's -color-fg-default, the colour of the panel's text. */
    private static final Color INK = new Color(0x1F, 0x23, 0x28);

    private static final Map<String, Image> CACHE = new HashMap<>();

    private FormulaImages() {}

    /** The formula as a JavaFX image twice the shown size; call on the FX thread. */
    static Image image(String latex) {
        return CACHE.computeIfAbsent(latex, l -> SwingFXUtils.toFXImage(draw(l), null));
    }

    /**
     * The formula drawn in AWT. Throws JLaTeXMath's ParseException (a RuntimeException) for LaTeX it cannot
     * read; the tests draw every formula LayerLab has.
     */
    static BufferedImage draw(String latex) {
        TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, POINTS * SCALE);
        icon.setInsets(new Insets(2 * SCALE, 2 * SCALE, 2 * SCALE, 2 * SCALE));
        icon.setForeground(INK);
        BufferedImage image = new BufferedImage(icon.getIconWidth(), icon.getIconHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        return image;
    }
}
