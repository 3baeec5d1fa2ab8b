#include "model/OnnxWriter.h"

#include "AtomicFile.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

namespace loupe {

namespace {

// ---- protocol buffers, the few encodings ONNX needs ----

/// A protobuf message built field by field and written straight to a sink: tensor bytes are
/// borrowed, never copied, so a model of hundreds of megabytes is not held twice.
class Message
{
public:
    Message &varint(int field, std::uint64_t value)
    {
        Field f;
        f.number = field;
        f.wire = 0;
        f.value = value;
        m_fields.push_back(std::move(f));
        return *this;
    }
    Message &fixed32(int field, float value)
    {
        Field f;
        f.number = field;
        f.wire = 5;
        std::uint32_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        f.value = bits;
        m_fields.push_back(std::move(f));
        return *this;
    }
    Message &text(int field, std::string value)
    {
        Field f;
        f.number = field;
        f.wire = 2;
        f.owned = std::move(value);
        m_fields.push_back(std::move(f));
        return *this;
    }
    /// Bytes that must outlive the message.
    Message &borrowed(int field, const void *data, std::size_t size)
    {
        Field f;
        f.number = field;
        f.wire = 2;
        f.data = static_cast<const char *>(data);
        f.size = size;
        m_fields.push_back(std::move(f));
        return *this;
    }
    Message &message(int field, Message child)
    {
        Field f;
        f.number = field;
        f.wire = 2;
        f.child = std::make_unique<Message>(std::move(child));
        m_fields.push_back(std::move(f));
        return *this;
    }

    std::size_t size() const
    {
        if (m_size)
            return *m_size;
        std::size_t n = 0;
        for (const Field &f : m_fields) {
            n += varintSize(std::uint64_t(f.number) << 3);
            if (f.wire == 0) {
                n += varintSize(f.value);
            } else if (f.wire == 5) {
                n += 4;
            } else {
                const std::size_t len = f.length();
                n += varintSize(len) + len;
            }
        }
        m_size = n;
        return n;
    }

    void write(const ByteSink &sink) const
    {
        for (const Field &f : m_fields) {
            writeVarint(sink, (std::uint64_t(f.number) << 3) | std::uint64_t(f.wire));
            if (f.wire == 0) {
                writeVarint(sink, f.value);
            } else if (f.wire == 5) {
                const std::uint32_t v = std::uint32_t(f.value);
                const unsigned char bytes[4] = {
                    static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                    static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
                sink(bytes, 4);
            } else {
                writeVarint(sink, f.length());
                if (f.child)
                    f.child->write(sink);
                else if (f.data)
                    sink(f.data, f.size);
                else
                    sink(f.owned.data(), f.owned.size());
            }
        }
    }

private:
    struct Field {
        int number = 0;
        int wire = 0;
        std::uint64_t value = 0;
        std::string owned;
        const char *data = nullptr;
        std::size_t size = 0;
        std::unique_ptr<Message> child;

        std::size_t length() const { return child ? child->size() : data ? size : owned.size(); }
    };

    static std::size_t varintSize(std::uint64_t v)
    {
        std::size_t n = 1;
        while (v >= 0x80) {
            v >>= 7;
            ++n;
        }
        return n;
    }
    static void writeVarint(const ByteSink &sink, std::uint64_t v)
    {
        unsigned char buffer[10];
        std::size_t n = 0;
        while (v >= 0x80) {
            buffer[n++] = static_cast<unsigned char>(v | 0x80);
            v >>= 7;
        }
        buffer[n++] = static_cast<unsigned char>(v);
        sink(buffer, n);
    }

    std::vector<Field> m_fields;
    mutable std::optional<std::size_t> m_size;
};

// ---- ONNX messages (field numbers from onnx.proto) ----

constexpr int kFloat = 1; // TensorProto.DataType.FLOAT

enum AttributeType { kAttrFloat = 1, kAttrInt = 2, kAttrInts = 7 };

Message intsAttribute(const std::string &name, const std::vector<std::int64_t> &values)
{
    Message a;
    a.text(1, name).varint(20, kAttrInts);
    for (const std::int64_t v : values)
        a.varint(8, std::uint64_t(v));
    return a;
}

Message intAttribute(const std::string &name, std::int64_t value)
{
    Message a;
    a.text(1, name).varint(20, kAttrInt).varint(3, std::uint64_t(value));
    return a;
}

Message floatAttribute(const std::string &name, float value)
{
    Message a;
    a.text(1, name).varint(20, kAttrFloat).fixed32(2, value);
    return a;
}

Message node(const std::string &opType, const std::vector<std::string> &inputs, const std::string &output,
             const std::string &name, std::vector<Message> attributes = {})
{
    Message n;
    for (const std::string &in : inputs)
        n.text(1, in);
    n.text(2, output).text(3, name).text(4, opType);
    for (Message &a : attributes)
        n.message(5, std::move(a));
    return n;
}

/// A float32 tensor whose bytes stay in `t` (which must outlive the message).
Message tensorProto(const std::string &name, const torch::Tensor &t)
{
    Message m;
    for (const std::int64_t d : t.sizes())
        m.varint(1, std::uint64_t(d));
    m.varint(2, kFloat).text(8, name).borrowed(9, t.data_ptr<float>(), std::size_t(t.numel()) * sizeof(float));
    return m;
}

/// ValueInfoProto of a float32 tensor; a dimension of -1 is the symbolic "batch".
Message valueInfo(const std::string &name, const std::vector<std::int64_t> &dims)
{
    Message shape;
    for (const std::int64_t d : dims) {
        Message dim;
        if (d < 0)
            dim.text(2, "batch");
        else
            dim.varint(1, std::uint64_t(d));
        shape.message(1, std::move(dim));
    }
    Message tensorType;
    tensorType.varint(1, kFloat).message(2, std::move(shape));
    Message type;
    type.message(1, std::move(tensorType));
    Message info;
    info.text(1, name).message(2, std::move(type));
    return info;
}

/// PyTorch's adaptive average pooling along one axis as a matrix [in, out]: output i averages
/// inputs floor(i·in/out) to ceil((i+1)·in/out) - 1.
torch::Tensor adaptivePoolMatrix(std::int64_t in, std::int64_t out)
{
    torch::Tensor m = torch::zeros({in, out});
    auto a = m.accessor<float, 2>();
    for (std::int64_t i = 0; i < out; ++i) {
        const std::int64_t start = (i * in) / out;
        const std::int64_t end = ((i + 1) * in + out - 1) / out;
        for (std::int64_t k = start; k < end; ++k)
            a[k][i] = 1.0f / float(end - start);
    }
    return m;
}

} // namespace

QString writeOnnx(const ExportGraph &graph, const std::vector<std::pair<std::string, std::string>> &metadata,
                  const std::string &producerVersion, const QString &file)
{
    Message g;
    std::vector<torch::Tensor> constants; // made here; the messages borrow their (heap) bytes
    std::set<std::string> initialised;
    std::vector<Message> initializers;
    const auto addTensor = [&](const std::string &name, const torch::Tensor &t) {
        if (initialised.insert(name).second)
            initializers.push_back(tensorProto(name, t));
        return name;
    };
    const auto addConstant = [&](const std::string &name, torch::Tensor t) {
        constants.push_back(t.to(torch::kFloat).contiguous());
        return addTensor(name, constants.back());
    };
    const auto param = [&](const GraphOp &op, const char *suffix) {
        const std::string name = op.module + "." + suffix;
        return addTensor(name, graph.tensor(name));
    };

    for (const GraphOp &op : graph.ops) {
        const std::string &x = op.inputs.front();
        const std::string name = op.module.empty() ? op.output : op.module;
        const std::vector<std::int64_t> kernel{op.kernel[0], op.kernel[1]};
        const std::vector<std::int64_t> strides{op.stride[0], op.stride[1]};
        const std::vector<std::int64_t> pads{op.padding[0], op.padding[1], op.padding[0], op.padding[1]};
        switch (op.kind) {
        case GraphOp::Kind::Normalize: {
            // As a batch norm with the mean and the variance std², epsilon 0: every runtime has
            // it, where OpenCV 4.6 cannot broadcast Sub and Div over [1, C, 1, 1].
            const torch::Tensor mean = torch::tensor(op.mean);
            const torch::Tensor stdDev = torch::tensor(op.stdDev);
            std::vector<Message> attributes;
            attributes.push_back(floatAttribute("epsilon", 0.0f));
            g.message(1, node("BatchNormalization",
                              {x, addConstant("normalize.scale", torch::ones_like(mean)),
                               addConstant("normalize.bias", torch::zeros_like(mean)), addConstant("normalize.mean", mean),
                               addConstant("normalize.var", stdDev * stdDev)},
                              op.output, "normalize", std::move(attributes)));
            break;
        }
        case GraphOp::Kind::Conv: {
            std::vector<std::string> inputs{x, param(op, "weight")};
            if (op.bias)
                inputs.push_back(param(op, "bias"));
            std::vector<Message> attributes;
            attributes.push_back(intsAttribute("kernel_shape", kernel));
            attributes.push_back(intsAttribute("strides", strides));
            attributes.push_back(intsAttribute("pads", pads));
            attributes.push_back(intsAttribute("dilations", {1, 1}));
            attributes.push_back(intAttribute("group", 1));
            g.message(1, node("Conv", inputs, op.output, name, std::move(attributes)));
            break;
        }
        case GraphOp::Kind::BatchNorm: {
            std::vector<Message> attributes;
            attributes.push_back(floatAttribute("epsilon", float(op.epsilon)));
            g.message(1, node("BatchNormalization",
                              {x, param(op, "weight"), param(op, "bias"), param(op, "running_mean"),
                               param(op, "running_var")},
                              op.output, name, std::move(attributes)));
            break;
        }
        case GraphOp::Kind::Relu:
            g.message(1, node("Relu", {x}, op.output, name));
            break;
        case GraphOp::Kind::MaxPool: {
            std::vector<Message> attributes;
            attributes.push_back(intsAttribute("kernel_shape", kernel));
            attributes.push_back(intsAttribute("strides", strides));
            attributes.push_back(intsAttribute("pads", pads));
            g.message(1, node("MaxPool", {x}, op.output, name, std::move(attributes)));
            break;
        }
        case GraphOp::Kind::Add:
            g.message(1, node("Add", op.inputs, op.output, name));
            break;
        case GraphOp::Kind::GlobalAveragePool:
            g.message(1, node("GlobalAveragePool", {x}, op.output, name));
            break;
        case GraphOp::Kind::AdaptiveAveragePool: {
            const auto [inH, inW] = op.inSize;
            const auto [outH, outW] = op.outSize;
            if (inH == outH && inW == outW) {
                g.message(1, node("Identity", {x}, op.output, name));
            } else if (inH % outH == 0 && inW % outW == 0) {
                std::vector<Message> attributes;
                attributes.push_back(intsAttribute("kernel_shape", {inH / outH, inW / outW}));
                attributes.push_back(intsAttribute("strides", {inH / outH, inW / outW}));
                g.message(1, node("AveragePool", {x}, op.output, name, std::move(attributes)));
            } else {
                // Pooling is linear: columns then rows as products with constant matrices,
                // [N, C, h, w]·[w, W] → transpose → ·[h, H] → transpose → [N, C, H, W].
                const std::string cols = addConstant(op.output + ".cols", adaptivePoolMatrix(inW, outW));
                const std::string rows = addConstant(op.output + ".rows", adaptivePoolMatrix(inH, outH));
                std::vector<Message> swap1, swap2;
                swap1.push_back(intsAttribute("perm", {0, 1, 3, 2}));
                swap2.push_back(intsAttribute("perm", {0, 1, 3, 2}));
                g.message(1, node("MatMul", {x, cols}, op.output + ".c", name + ".cols"));
                g.message(1, node("Transpose", {op.output + ".c"}, op.output + ".ct", name + ".swap", std::move(swap1)));
                g.message(1, node("MatMul", {op.output + ".ct", rows}, op.output + ".r", name + ".rows"));
                g.message(1, node("Transpose", {op.output + ".r"}, op.output, name + ".unswap", std::move(swap2)));
            }
            break;
        }
        case GraphOp::Kind::Flatten: {
            std::vector<Message> attributes;
            attributes.push_back(intAttribute("axis", 1));
            g.message(1, node("Flatten", {x}, op.output, name, std::move(attributes)));
            break;
        }
        case GraphOp::Kind::Linear: {
            std::vector<std::string> inputs{x, param(op, "weight")};
            if (op.bias)
                inputs.push_back(param(op, "bias"));
            std::vector<Message> attributes;
            attributes.push_back(intAttribute("transB", 1));
            g.message(1, node("Gemm", inputs, op.output, name, std::move(attributes)));
            break;
        }
        case GraphOp::Kind::Softmax: {
            std::vector<Message> attributes;
            attributes.push_back(intAttribute("axis", 1));
            g.message(1, node("Softmax", {x}, op.output, name, std::move(attributes)));
            break;
        }
        }
    }
    g.text(2, "loupe");
    for (Message &m : initializers)
        g.message(5, std::move(m));
    g.message(11, valueInfo(graph.input, {-1, graph.channels, graph.height, graph.width}));
    for (const std::string &out : graph.outputs)
        g.message(12, valueInfo(out, {-1, graph.classes}));

    Message opset;
    opset.text(1, "").varint(2, kOnnxOpset);
    Message model;
    model.varint(1, 7).message(8, std::move(opset)).text(2, "Loupe").text(3, producerVersion).message(7, std::move(g));
    for (const auto &[key, value] : metadata) {
        Message entry;
        entry.text(1, key).text(2, value);
        model.message(14, std::move(entry));
    }
    return writeStreamAtomically(file, [&](const ByteSink &sink) { model.write(sink); });
}

} // namespace loupe
