#include "model/TorchScriptWriter.h"

#include "AtomicFile.h"

#include <torch/csrc/jit/serialization/export.h>
#include <torch/script.h>

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace loupe {

namespace {

std::vector<std::string> split(const std::string &name)
{
    std::vector<std::string> parts;
    std::stringstream in(name);
    std::string part;
    while (std::getline(in, part, '.'))
        parts.push_back(part);
    return parts;
}

bool isIdentifier(const std::string &s)
{
    return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
}

/// The TorchScript expression for a state-dict name: self.layer1 then getattr for the numbered
/// children of a Sequential ("0" is no identifier).
std::string access(const std::string &name)
{
    std::string expr = "self";
    for (const std::string &part : split(name))
        expr = isIdentifier(part) ? expr + "." + part : "getattr(" + expr + ", \"" + part + "\")";
    return expr;
}

std::string ints(const std::array<std::int64_t, 2> &v)
{
    return "[" + std::to_string(v[0]) + ", " + std::to_string(v[1]) + "]";
}

std::string floats(const std::vector<float> &v)
{
    std::ostringstream out;
    out.precision(9);
    out << "[";
    for (std::size_t i = 0; i < v.size(); ++i)
        out << (i ? ", " : "") << double(v[i]);
    out << "]";
    return out.str();
}

/// forward() in TorchScript, one line a step; the softmax is left to the caller.
std::string forwardSource(const ExportGraph &graph)
{
    std::ostringstream src;
    src << "def forward(self, " << graph.input << ": Tensor) -> Tensor:\n";
    const auto param = [](const GraphOp &op, const char *suffix) { return access(op.module + "." + suffix); };
    for (const GraphOp &op : graph.ops) {
        const std::string &x = op.inputs.front();
        std::string expr;
        switch (op.kind) {
        case GraphOp::Kind::Normalize: {
            const std::string shape = "[1, " + std::to_string(op.mean.size()) + ", 1, 1]";
            expr = "(" + x + " - torch.tensor(" + floats(op.mean) + ").view(" + shape + ")) / torch.tensor("
                + floats(op.stdDev) + ").view(" + shape + ")";
            break;
        }
        case GraphOp::Kind::Conv:
            expr = "torch.conv2d(" + x + ", " + param(op, "weight") + ", " + (op.bias ? param(op, "bias") : "None")
                + ", " + ints(op.stride) + ", " + ints(op.padding) + ", [1, 1], 1)";
            break;
        case GraphOp::Kind::BatchNorm: {
            std::ostringstream eps;
            eps.precision(17);
            eps << op.epsilon;
            expr = "torch.batch_norm(" + x + ", " + param(op, "weight") + ", " + param(op, "bias") + ", "
                + param(op, "running_mean") + ", " + param(op, "running_var") + ", False, 0.1, " + eps.str()
                + ", False)";
            break;
        }
        case GraphOp::Kind::Relu: expr = "torch.relu(" + x + ")"; break;
        case GraphOp::Kind::MaxPool:
            expr = "torch.max_pool2d(" + x + ", " + ints(op.kernel) + ", " + ints(op.stride) + ", " + ints(op.padding)
                + ", [1, 1], False)";
            break;
        case GraphOp::Kind::Add: expr = op.inputs[0] + " + " + op.inputs[1]; break;
        case GraphOp::Kind::GlobalAveragePool: expr = "torch.adaptive_avg_pool2d(" + x + ", [1, 1])"; break;
        case GraphOp::Kind::AdaptiveAveragePool:
            expr = "torch.adaptive_avg_pool2d(" + x + ", " + ints(op.outSize) + ")";
            break;
        case GraphOp::Kind::Flatten: expr = "torch.flatten(" + x + ", 1)"; break;
        case GraphOp::Kind::Linear:
            expr = op.bias ? "torch.addmm(" + param(op, "bias") + ", " + x + ", " + param(op, "weight") + ".t())"
                           : "torch.mm(" + x + ", " + param(op, "weight") + ".t())";
            break;
        case GraphOp::Kind::Softmax: continue; // forward returns the logits
        }
        src << "    " << op.output << " = " << expr << "\n";
    }
    src << "    return logits\n";
    return src.str();
}

struct Node {
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    std::map<std::string, Node> children;
    std::vector<std::string> order; // children in first-seen (state-dict) order
};

torch::jit::Module build(const std::string &typeName, const Node &node, const std::set<std::string> &buffers,
                         const std::string &prefix)
{
    torch::jit::Module m(typeName);
    for (const auto &[name, t] : node.tensors)
        m.register_parameter(name, t, /*is_buffer=*/buffers.count(prefix + name) > 0);
    for (const std::string &child : node.order) {
        const std::string type = typeName + "_" + (isIdentifier(child) ? child : "m" + child);
        m.register_module(child, build(type, node.children.at(child), buffers, prefix + child + "."));
    }
    return m;
}

} // namespace

torch::jit::Module makeTorchScriptModule(const ExportGraph &graph, const QStringList &classes)
{
    Node root;
    for (const std::string &name : graph.order) {
        const torch::Tensor &t = graph.tensor(name);
        std::vector<std::string> parts = split(name);
        Node *node = &root;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            if (!node->children.count(parts[i]))
                node->order.push_back(parts[i]);
            node = &node->children[parts[i]];
        }
        node->tensors.emplace_back(parts.back(), t);
    }
    torch::jit::Module module = build("__torch__.loupe.Classifier", root, graph.buffers, "");
    c10::List<std::string> names;
    for (const QString &c : classes)
        names.push_back(c.toStdString());
    module.register_attribute("classes", c10::ListType::create(c10::StringType::get()), names);
    module.define(forwardSource(graph));
    module.eval();
    return module;
}

QString writeTorchScript(const ExportGraph &graph, const QStringList &classes, const std::string &metadataJson,
                         const QString &file)
{
    torch::jit::Module module = makeTorchScriptModule(graph, classes);
    const torch::jit::ExtraFilesMap extra{{"loupe.json", metadataJson}};
    return writeStreamAtomically(file, [&](const ByteSink &sink) {
        torch::jit::ExportModule(module, [&](const void *data, size_t size) -> size_t {
            sink(data, size);
            return size;
        }, extra);
    });
}

} // namespace loupe
