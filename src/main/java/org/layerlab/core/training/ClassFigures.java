package org.layerlab.core.training;

import java.util.ArrayList;
import java.util.List;

/** Precision, recall, F1 and support of one class, as the Results table lists them. */
public record ClassFigures(String className, double precision, double recall, double f1, int support) {

    public static List<ClassFigures> of(ConfusionMatrix confusion, List<String> classNames) {
        List<ClassFigures> rows = new ArrayList<>();
        for (int c = 0; c < confusion.classes(); c++) {
            rows.add(new ClassFigures(
                    classNames.get(c),
                    confusion.precision(c),
                    confusion.recall(c),
                    confusion.f1(c),
                    confusion.support(c)));
        }
        return rows;
    }
}
