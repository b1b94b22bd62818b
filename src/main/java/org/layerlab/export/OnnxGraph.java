package org.layerlab.export;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX graph node by node: each call adds a node or a constant and returns the name of the
 * tensor it makes, so an exporter reads like the forward pass it writes. Written as IR 8 with opset 17,
 * which ONNX Runtime 1.22 and Debian's onnx checker both accept.
 */
final class OnnxGraph {
    static final long IR_VERSION = 8;
    static final long OPSET = 17;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private int counter;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A float constant (weights, means, scales). */
    String floats(String hint, int[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder()
                .setName(unique(hint))
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (int d : shape) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** A float scalar. */
    String scalar(String hint, float value) {
        return floats(hint, new int[0], new float[] {value});
    }

    /** An int64 constant: axes, shapes and indices. {@code scalar} makes a tensor of no dimensions. */
    String longs(String hint, boolean scalar, long... values) {
        OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder()
                .setName(unique(hint))
                .setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE);
        if (!scalar) {
            tensor.addDims(values.length);
        }
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** Adds a node; returns the name of its (first) output. */
    String node(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String output = unique(op.toLowerCase(java.util.Locale.ROOT));
        OnnxMl.NodeProto.Builder node =
                OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        inputs.forEach(node::addInput);
        for (OnnxMl.AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return output;
    }

    static OnnxMl.AttributeProto integer(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    static OnnxMl.AttributeProto integers(String name, long... values) {
        OnnxMl.AttributeProto.Builder a =
                OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto real(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    /** The model: one float input with a free batch dimension, and the named output of the given shape. */
    OnnxMl.ModelProto model(String input, int[] sampleShape, String output, String result, int classes) {
        graph.addInput(valueInfo(input, sampleShape));
        graph.addNode(OnnxMl.NodeProto.newBuilder()
                .setOpType("Identity")
                .setName(output)
                .addInput(result)
                .addOutput(output));
        graph.addOutput(valueInfo(output, new int[] {classes}));
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("LayerLab")
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int[] sampleShape) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : sampleShape) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                                .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                                .setShape(shape)))
                .build();
    }

    static List<String> inputs(String... names) {
        return new ArrayList<>(List.of(names));
    }

    private String unique(String hint) {
        return hint + "_" + counter++;
    }
}
