package org.layerlab.ui.results;

import java.util.List;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.training.Evaluation;

/** A finished evaluation: which samples, how the model did on them, and a sentence saying what was measured. */
record Results(
        String runName,
        String description,
        Samples samples,
        Evaluation evaluation,
        List<String> classes,
        Preprocessing preprocessing) {}
