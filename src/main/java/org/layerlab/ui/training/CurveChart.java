package org.layerlab.ui.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A line chart of one measure (loss or accuracy) for every visible run: the smoothed training curve and
 * the validation points. Points are appended as the ViewModel publishes them, never redrawn from scratch.
 */
final class CurveChart extends LineChart<Number, Number> {
    private final Function<RunView, ObservableList<ChartPoint>> train;
    private final Function<RunView, ObservableList<ChartPoint>> validation;
    private final Map<RunView, List<XYChart.Series<Number, Number>>> shown = new HashMap<>();

    /**
     * The x axis is fixed from 0 to the largest number of epochs so that new points do not re-range it (a
     * re-ranged axis rebuilds its tick labels, the most expensive part of redrawing a chart); accuracy is
     * fixed to [0, 1] for the same reason, and because students compare it across runs.
     */
    CurveChart(
            String title,
            String measure,
            ObservableList<RunView> runs,
            javafx.beans.value.ObservableIntegerValue epochs,
            boolean unitRange,
            Function<RunView, ObservableList<ChartPoint>> train,
            Function<RunView, ObservableList<ChartPoint>> validation) {
        super(
                new NumberAxis(0, Math.max(1, epochs.get()), 1),
                unitRange ? new NumberAxis(0, 1, 0.1) : new NumberAxis(0, EMPTY_LOSS_TOP, 0.5));
        this.train = train;
        this.validation = validation;
        setTitle(title);
        getXAxis().setLabel("epoch");
        getYAxis().setLabel(measure);
        NumberAxis x = (NumberAxis) getXAxis();
        x.setAutoRanging(false);
        epochs.addListener((o, a, b) -> fitEpochs(x, Math.max(b.intValue(), longestRun(runs))));
        runs.addListener((ListChangeListener<RunView>) c -> fitEpochs(x, Math.max(epochs.get(), longestRun(runs))));
        fitEpochs(x, Math.max(epochs.get(), longestRun(runs)));
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        runs.addListener((ListChangeListener<RunView>) c -> sync(runs));
        sync(runs);
        if (!unitRange) {
            NumberAxis y = (NumberAxis) getYAxis();
            y.setForceZeroInRange(true);
            getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
                while (c.next()) {
                    c.getAddedSubList()
                            .forEach(series -> series.getData()
                                    .addListener(
                                            (ListChangeListener<XYChart.Data<Number, Number>>) points -> rangeLoss(y)));
                }
                rangeLoss(y);
            });
            getData()
                    .forEach(series -> series.getData()
                            .addListener((ListChangeListener<XYChart.Data<Number, Number>>) points -> rangeLoss(y)));
            rangeLoss(y);
        }
    }

    /**
     * No legend: the runs list beside the charts is the legend (each row has its run's colour). XYChart
     * would otherwise rebuild a hidden legend label for every series of every run whenever one is added,
     * work that grows with each run and made Start's frame slower.
     */
    @Override
    protected void updateLegend() {}

    /** A loss axis with no run to show keeps a range a first loss falls in, rather than JavaFX's 0–100. */
    private static final double EMPTY_LOSS_TOP = 2.5;

    /**
     * A diverging run's loss grows by many orders of magnitude before it becomes NaN; an axis that fitted it
     * would flatten every other curve onto 0 (its first point on the screen may already be huge). So the axis
     * stops at this many times the typical first loss (the lower median of the curves' first points), and a
     * curve that climbs higher leaves the chart through the top.
     */
    private static final double LOSS_CAP_FACTOR = 4;

    private void rangeLoss(NumberAxis y) {
        boolean empty = getData().stream().allMatch(series -> series.getData().isEmpty());
        double[] firsts = getData().stream()
                .filter(series -> !series.getData().isEmpty())
                .mapToDouble(series -> series.getData().get(0).getYValue().doubleValue())
                .sorted()
                .toArray();
        double cap = LOSS_CAP_FACTOR * (firsts.length == 0 ? EMPTY_LOSS_TOP : firsts[(firsts.length - 1) / 2]);
        boolean capped = getData().stream()
                .flatMap(series -> series.getData().stream())
                .anyMatch(point -> point.getYValue().doubleValue() > cap);
        boolean fit = !empty && !capped;
        if (y.isAutoRanging() != fit) {
            y.setAutoRanging(fit);
        }
        if (!fit) {
            double rough = empty ? EMPTY_LOSS_TOP : cap;
            double tick = roundTick(rough / 5);
            y.setLowerBound(0);
            y.setUpperBound(Math.ceil(rough / tick) * tick);
            y.setTickUnit(tick);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}: ticks a reader can add up. */
    private static double roundTick(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 5}) {
            if (step * power >= rough) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static void fitEpochs(NumberAxis x, int epochs) {
        int upper = Math.max(1, epochs);
        x.setUpperBound(upper);
        x.setTickUnit(upper < 5 ? 0.25 : Math.ceil(upper / 10.0));
    }

    private static int longestRun(List<RunView> runs) {
        return runs.stream().mapToInt(RunView::epochs).max().orElse(1);
    }

    private void sync(List<RunView> runs) {
        for (RunView run : List.copyOf(shown.keySet())) {
            if (!runs.contains(run)) {
                getData().removeAll(shown.remove(run));
            }
        }
        for (RunView run : runs) {
            if (!shown.containsKey(run)) {
                XYChart.Series<Number, Number> t = series(run.name() + " training", train.apply(run));
                XYChart.Series<Number, Number> v = series(run.name() + " validation", validation.apply(run));
                dotted(v, run);
                XYChart.Series<Number, Number> best = new XYChart.Series<>();
                best.setName(run.name() + " best epoch");
                markBest(run, best);
                run.bestEpochProperty().addListener(o -> markBest(run, best));
                shown.put(run, List.of(t, v, best));
                run.visibleProperty().addListener((o, a, visible) -> {
                    if (visible) {
                        getData().addAll(shown.get(run));
                        paint(run, shown.get(run));
                    } else {
                        getData().removeAll(shown.get(run));
                    }
                });
                if (run.visibleProperty().get()) {
                    getData().addAll(List.of(t, v, best));
                    paint(run, List.of(t, v, best));
                }
            }
        }
    }

    /**
     * A run's two curves share the run's colour (shown beside it in the runs list, which serves as the
     * legend); validation is dashed.
     */
    private static void paint(RunView run, List<XYChart.Series<Number, Number>> curves) {
        String colour = "-fx-stroke: " + RunView.colour(run.colourIndex()) + ";";
        if (curves.get(0).getNode() != null) {
            curves.get(0).getNode().setStyle(colour);
        }
        if (curves.get(1).getNode() != null) {
            curves.get(1).getNode().setStyle(colour + " -fx-stroke-dash-array: 8 5;");
        }
    }

    /**
     * When early stopping kept the weights of an earlier epoch, a ring on that epoch's validation point
     * shows which weights the model holds.
     */
    private void markBest(RunView run, XYChart.Series<Number, Number> best) {
        best.getData().clear();
        int epoch = run.bestEpochProperty().get();
        validation.apply(run).stream().filter(p -> p.x() == epoch).findFirst().ifPresent(p -> {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(p.x(), p.y());
            javafx.scene.shape.Circle ring = new javafx.scene.shape.Circle(7);
            ring.getStyleClass().add("best-epoch");
            ring.setStyle("-fx-stroke: " + RunView.colour(run.colourIndex()) + ";");
            javafx.scene.control.Tooltip.install(
                    ring,
                    new javafx.scene.control.Tooltip(
                            run.name() + ": best epoch " + epoch + ", whose weights were kept"));
            point.setNode(ring);
            best.getData().add(point);
        });
    }

    /**
     * Validation points get a dot each: a run of one epoch has a single validation point, which a line
     * alone would not show.
     */
    private static void dotted(XYChart.Series<Number, Number> series, RunView run) {
        String colour = "-fx-fill: " + RunView.colour(run.colourIndex()) + ";";
        series.getData().forEach(point -> point.setNode(dot(colour)));
        series.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(point -> point.setNode(dot(colour)));
            }
        });
    }

    private static javafx.scene.Node dot(String colour) {
        javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(3.5);
        dot.getStyleClass().add("validation-point");
        dot.setStyle(colour);
        return dot;
    }

    private static XYChart.Series<Number, Number> series(String name, ObservableList<ChartPoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        points.forEach(p -> series.getData().add(new XYChart.Data<>(p.x(), p.y())));
        points.addListener((ListChangeListener<ChartPoint>) c -> {
            while (c.next()) {
                for (ChartPoint p : c.getAddedSubList()) {
                    series.getData().add(new XYChart.Data<>(p.x(), p.y()));
                }
            }
        });
        return series;
    }
}
