package org.layerlab.export;

/** The formats a trained model can be exported to, with the name the CLI uses for each. */
public enum ExportFormat {
    /** One .onnx file and, beside it, a .json with classes and the input preparation a float graph cannot hold. */
    ONNX("onnx", "ONNX model (.onnx)"),
    /** A folder: model.py (torch.nn), weights.npz, predict.py and a README. */
    PYTORCH("pytorch", "PyTorch code and weights (folder)"),
    /** A folder: model.py (Keras layers) and the weights. */
    KERAS("keras", "Keras code and weights (folder)"),
    /** One self-contained .html, with the curves as PNG and the metrics as CSV beside it. */
    REPORT("report", "Training report (.html)");

    private final String cliName;
    private final String description;

    ExportFormat(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    public static ExportFormat fromName(String name) {
        for (ExportFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; use onnx, pytorch, keras or report");
    }
}
