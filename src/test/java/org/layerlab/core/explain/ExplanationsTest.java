package org.layerlab.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;

class ExplanationsTest {

    @Test
    void everyChoiceHasTextAFormulaAndATypicalValue() {
        List<Explanation> choices = Stream.of(
                        Arrays.stream(LayerKind.values()).map(Explanations::of),
                        Arrays.stream(ActivationFunction.values()).map(Explanations::of),
                        Arrays.stream(LossKind.values()).map(Explanations::of),
                        Arrays.stream(OptimizerKind.values()).map(Explanations::of))
                .flatMap(explanations -> explanations)
                .toList();
        assertTrue(Explanations.all().containsAll(choices), "all() holds every choice");
        for (Explanation e : choices) {
            assertFalse(e.title().isBlank(), e.toString());
            assertFalse(e.formula().isBlank(), e.title() + " has a formula");
            assertFalse(e.typical().isBlank(), e.title() + " has a typical value");
            long sentences = e.summary().split("[.!?](\\s|$)").length;
            assertTrue(sentences >= 2 && sentences <= 4, e.title() + " has two to four sentences: " + e.summary());
        }
    }

    @Test
    void everyTrainingSettingIsExplained() {
        for (TrainingTopic topic : TrainingTopic.values()) {
            Explanation e = Explanations.of(topic);
            assertFalse(e.title().isBlank(), topic.name());
            assertFalse(e.summary().isBlank(), topic.name());
            assertFalse(e.typical().isBlank(), topic.name());
        }
    }

    /** A setting added to a layer kind must be explained too, under the name the property sheet shows. */
    @Test
    void everyLayerSettingIsExplainedUnderItsOwnName() {
        for (LayerKind kind : LayerKind.values()) {
            List<String> explained = Explanations.of(kind).settings().stream()
                    .map(Explanation.Setting::name)
                    .toList();
            assertEquals(kind.spec().settingNames(), explained, kind.displayName());
        }
    }

    @Test
    void optimizersExplainTheirOwnHyperparameters() {
        assertTrue(settingNames(OptimizerKind.MOMENTUM).contains("momentum"));
        assertTrue(settingNames(OptimizerKind.RMSPROP).contains("rho"));
        assertTrue(settingNames(OptimizerKind.ADAM).containsAll(List.of("beta 1", "beta 2")));
        assertTrue(Explanations.of(OptimizerKind.ADAM).formula().contains("\\beta_1^{\\,t}"), "bias correction");
        assertTrue(Explanations.of(OptimizerKind.RMSPROP).formula().contains("\\rho\\, h + (1 - \\rho)"));
        assertTrue(Explanations.of(OptimizerKind.MOMENTUM).formula().contains("v \\leftarrow \\alpha\\, v"));
    }

    @Test
    void anActivationLayerIsExplainedByItsFunction() {
        assertEquals(
                "Tanh", Explanations.of(new Activation(ActivationFunction.TANH)).title());
        assertEquals("Dense", Explanations.of(new Dense(10)).title());
    }

    private static List<String> settingNames(OptimizerKind kind) {
        return Explanations.of(kind).settings().stream()
                .map(Explanation.Setting::name)
                .toList();
    }
}
