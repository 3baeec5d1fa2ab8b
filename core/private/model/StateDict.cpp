#include "model/StateDict.h"

#include "model/WeightImportError.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <unordered_map>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::StateDict)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// ---- values a state-dict pickle builds ----

struct PyObj;
using Obj = std::shared_ptr<PyObj>;

struct PyObj {
    enum Kind { None, Bool, Int, BigInt, Float, Str, Bytes, Tuple, List, Dict, Global, Tensor, Storage };
    Kind kind = None;
    int64_t i = 0;
    double f = 0;
    std::string s;            ///< Str, Bytes, BigInt (little-endian bytes), Global ("module.name")
    std::vector<Obj> items;   ///< Tuple, List; Dict as key, value, key, value, …
    torch::Tensor tensor;     ///< Tensor; Storage (one dimension, the storage's dtype)
};

Obj make(PyObj::Kind kind)
{
    auto o = std::make_shared<PyObj>();
    o->kind = kind;
    return o;
}

Obj makeInt(int64_t v)
{
    Obj o = make(PyObj::Int);
    o->i = v;
    return o;
}

Obj makeStr(std::string s, PyObj::Kind kind = PyObj::Str)
{
    Obj o = make(kind);
    o->s = std::move(s);
    return o;
}

/// The storage types torch.save names, with their element types.
const std::map<std::string, c10::ScalarType> &storageTypes()
{
    static const std::map<std::string, c10::ScalarType> types{
        {"torch.FloatStorage", c10::kFloat},   {"torch.DoubleStorage", c10::kDouble},
        {"torch.HalfStorage", c10::kHalf},     {"torch.BFloat16Storage", c10::kBFloat16},
        {"torch.LongStorage", c10::kLong},     {"torch.IntStorage", c10::kInt},
        {"torch.ShortStorage", c10::kShort},   {"torch.CharStorage", c10::kChar},
        {"torch.ByteStorage", c10::kByte},     {"torch.BoolStorage", c10::kBool},
    };
    return types;
}

/// Thrown inside the unpickler; the caller adds the file's name.
struct Refused {
    QString reason;
};

/// A pickle machine for state dicts: protocol 2 to 5, the opcodes pickle emits for dicts, lists,
/// tuples, strings, numbers and reduce calls, and a fixed set of callables. Nothing from the file
/// is ever executed.
class Unpickler {
public:
    using PersistentLoad = std::function<Obj(const Obj &)>;

    Unpickler(const char *data, size_t size, PersistentLoad persistentLoad)
        : m_data(data)
        , m_size(size)
        , m_persistentLoad(std::move(persistentLoad))
    {
    }

    /// Reads one pickle (up to its STOP) and returns its value.
    Obj load()
    {
        m_stack.clear();
        m_marks.clear();
        m_memo.clear();
        for (;;) {
            const uint8_t op = byte();
            switch (op) {
            case 0x80: // PROTO
                if (byte() > 5)
                    throw Refused{Text::tr("pickle protocol newer than 5")};
                break;
            case 0x95: // FRAME
                bytes(8);
                break;
            case '(': m_marks.push_back(m_stack.size()); break;
            case '}': push(make(PyObj::Dict)); break;
            case ']': push(make(PyObj::List)); break;
            case ')': push(make(PyObj::Tuple)); break;
            case 't': { Obj t = make(PyObj::Tuple); t->items = popMark(); push(t); break; }
            case 'l': { Obj l = make(PyObj::List); l->items = popMark(); push(l); break; }
            case 'd': {
                Obj d = make(PyObj::Dict);
                d->items = popMark();
                if (d->items.size() % 2 != 0)
                    throw Refused{Text::tr("a dict with an odd number of items")};
                push(d);
                break;
            }
            case 0x85: case 0x86: case 0x87: { // TUPLE1..3
                const size_t n = size_t(op - 0x84);
                need(n);
                Obj t = make(PyObj::Tuple);
                t->items.assign(m_stack.end() - long(n), m_stack.end());
                m_stack.resize(m_stack.size() - n);
                push(t);
                break;
            }
            case 'X': push(makeStr(str(uint32()))); break;  // BINUNICODE
            case 0x8c: push(makeStr(str(byte()))); break;  // SHORT_BINUNICODE
            case 0x8d: push(makeStr(str(uint64()))); break; // BINUNICODE8
            case 'U': push(makeStr(str(byte()))); break;    // SHORT_BINSTRING (Python 2 str)
            case 'T': push(makeStr(str(uint32()))); break;  // BINSTRING
            case 'C': push(makeStr(str(byte()), PyObj::Bytes)); break;   // SHORT_BINBYTES
            case 'B': push(makeStr(str(uint32()), PyObj::Bytes)); break; // BINBYTES
            case 'J': push(makeInt(int32_t(uint32()))); break;          // BININT
            case 'K': push(makeInt(byte())); break;                     // BININT1
            case 'M': push(makeInt(uint16())); break;                   // BININT2
            case 0x8a: push(long1(byte())); break;                      // LONG1
            case 'G': { // BINFLOAT, big-endian
                const char *p = bytes(8);
                uint64_t bits = 0;
                for (int k = 0; k < 8; ++k)
                    bits = (bits << 8) | uint8_t(p[k]);
                Obj o = make(PyObj::Float);
                std::memcpy(&o->f, &bits, 8);
                push(o);
                break;
            }
            case 'N': push(make(PyObj::None)); break;
            case 0x88: case 0x89: { Obj o = make(PyObj::Bool); o->i = op == 0x88; push(o); break; }
            case 'q': put(byte()); break;     // BINPUT
            case 'r': put(uint32()); break;   // LONG_BINPUT
            case 0x94: put(static_cast<uint32_t>(m_memo.size())); break; // MEMOIZE
            case 'h': get(byte()); break;     // BINGET
            case 'j': get(uint32()); break;   // LONG_BINGET
            case 'c': { // GLOBAL
                const std::string module = line();
                const std::string name = line();
                push(global(module, name));
                break;
            }
            case 0x93: { // STACK_GLOBAL
                const Obj name = pop();
                const Obj module = pop();
                if (name->kind != PyObj::Str || module->kind != PyObj::Str)
                    throw Refused{Text::tr("a malformed global")};
                push(global(module->s, name->s));
                break;
            }
            case 'R': { // REDUCE
                const Obj args = pop();
                const Obj callable = pop();
                push(call(callable, args));
                break;
            }
            case 'b': { // BUILD: a dict's attributes (state_dict's _metadata) carry no tensors
                pop();
                need(1);
                const PyObj::Kind k = m_stack.back()->kind;
                if (k != PyObj::Dict && k != PyObj::Tensor)
                    throw Refused{Text::tr("sets the state of an object that is not a dict or a tensor")};
                break;
            }
            case 's': { // SETITEM
                const Obj value = pop();
                const Obj key = pop();
                dictOnTop()->items.insert(dictOnTop()->items.end(), {key, value});
                break;
            }
            case 'u': { // SETITEMS
                std::vector<Obj> kv = popMark();
                if (kv.size() % 2 != 0)
                    throw Refused{Text::tr("a dict with an odd number of items")};
                Obj d = dictOnTop();
                d->items.insert(d->items.end(), kv.begin(), kv.end());
                break;
            }
            case 'a': { // APPEND
                const Obj value = pop();
                listOnTop()->items.push_back(value);
                break;
            }
            case 'e': { // APPENDS
                std::vector<Obj> values = popMark();
                Obj l = listOnTop();
                l->items.insert(l->items.end(), values.begin(), values.end());
                break;
            }
            case 'Q': push(m_persistentLoad(pop())); break; // BINPERSID
            case '.': // STOP
                need(1);
                return m_stack.back();
            default:
                throw Refused{Text::tr("pickle opcode 0x%1 at byte %2, which a state dict does not use")
                                  .arg(unsigned(op), 2, 16, QLatin1Char('0'))
                                  .arg(m_pos - 1)};
            }
            if (m_stack.size() > kMaxStack)
                throw Refused{Text::tr("a pickle nested deeper than a state dict")};
        }
    }

    size_t position() const { return m_pos; }

private:
    static constexpr size_t kMaxStack = 1 << 20;

    const char *m_data;
    size_t m_size;
    size_t m_pos = 0;
    PersistentLoad m_persistentLoad;
    std::vector<Obj> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint32_t, Obj> m_memo;
    std::string m_last;

    const char *bytes(uint64_t n)
    {
        if (n > m_size - m_pos)
            throw Refused{Text::tr("the pickle ends early (truncated file?)")};
        const char *p = m_data + m_pos;
        m_pos += size_t(n);
        m_last.assign(p, size_t(n));
        return p;
    }
    std::string str(uint64_t n)
    {
        bytes(n);
        return m_last;
    }
    uint8_t byte() { return uint8_t(*bytes(1)); }
    uint16_t uint16()
    {
        const auto *p = reinterpret_cast<const uint8_t *>(bytes(2));
        return uint16_t(p[0] | (p[1] << 8));
    }
    uint32_t uint32()
    {
        const auto *p = reinterpret_cast<const uint8_t *>(bytes(4));
        return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
    }
    uint64_t uint64()
    {
        const uint64_t lo = uint32();
        return lo | (uint64_t(uint32()) << 32);
    }
    std::string line()
    {
        const void *end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
        if (!end)
            throw Refused{Text::tr("the pickle ends early (truncated file?)")};
        const size_t n = size_t(static_cast<const char *>(end) - (m_data + m_pos));
        std::string s(m_data + m_pos, n);
        m_pos += n + 1;
        return s;
    }
    Obj long1(size_t n)
    {
        const std::string raw = str(n);
        if (n > 8)
            return makeStr(raw, PyObj::BigInt);
        uint64_t v = 0;
        for (size_t k = 0; k < n; ++k)
            v |= uint64_t(uint8_t(raw[k])) << (8 * k);
        if (n > 0 && n < 8 && (uint8_t(raw[n - 1]) & 0x80))
            v |= ~uint64_t(0) << (8 * n); // sign extension
        return makeInt(int64_t(v));
    }

    void push(Obj o) { m_stack.push_back(std::move(o)); }
    void need(size_t n) const
    {
        if (m_stack.size() < n || (!m_marks.empty() && m_stack.size() - m_marks.back() < n))
            throw Refused{Text::tr("a malformed pickle (stack underflow)")};
    }
    Obj pop()
    {
        need(1);
        Obj o = std::move(m_stack.back());
        m_stack.pop_back();
        return o;
    }
    std::vector<Obj> popMark()
    {
        if (m_marks.empty())
            throw Refused{Text::tr("a malformed pickle (no mark)")};
        const size_t at = m_marks.back();
        m_marks.pop_back();
        std::vector<Obj> items(m_stack.begin() + long(at), m_stack.end());
        m_stack.resize(at);
        return items;
    }
    Obj onTop(PyObj::Kind kind)
    {
        need(1);
        if (m_stack.back()->kind != kind)
            throw Refused{Text::tr("a malformed pickle (items added to something that is not a dict or list)")};
        return m_stack.back();
    }
    Obj dictOnTop() { return onTop(PyObj::Dict); }
    Obj listOnTop() { return onTop(PyObj::List); }
    void put(uint32_t key)
    {
        need(1);
        m_memo[key] = m_stack.back();
    }
    void get(uint32_t key)
    {
        const auto it = m_memo.find(key);
        if (it == m_memo.end())
            throw Refused{Text::tr("a malformed pickle (memo %1 unset)").arg(key)};
        push(it->second);
    }

    static Obj global(const std::string &module, const std::string &name)
    {
        const std::string full = module + "." + name;
        static const std::vector<std::string> callables{"collections.OrderedDict", "torch._utils._rebuild_tensor_v2",
                                                        "torch._utils._rebuild_tensor",
                                                        "torch._utils._rebuild_parameter"};
        if (std::find(callables.begin(), callables.end(), full) == callables.end() && !storageTypes().count(full))
            throw Refused{Text::tr("the file names %1, which a state dict does not (a whole pickled model or "
                                   "other Python objects are never loaded; save model.state_dict() instead)")
                              .arg(qs(full))};
        return makeStr(full, PyObj::Global);
    }

    static int64_t intArg(const Obj &o)
    {
        if (o->kind != PyObj::Int && o->kind != PyObj::Bool)
            throw Refused{Text::tr("a tensor with a malformed shape")};
        return o->i;
    }
    static std::vector<int64_t> intTuple(const Obj &o)
    {
        if (o->kind != PyObj::Tuple && o->kind != PyObj::List)
            throw Refused{Text::tr("a tensor with a malformed shape")};
        std::vector<int64_t> v;
        for (const Obj &item : o->items)
            v.push_back(intArg(item));
        return v;
    }

    static Obj rebuildTensor(const std::vector<Obj> &args)
    {
        if (args.size() < 4 || args[0]->kind != PyObj::Storage)
            throw Refused{Text::tr("a tensor rebuilt from something that is not a storage")};
        const torch::Tensor &storage = args[0]->tensor;
        const int64_t offset = intArg(args[1]);
        const std::vector<int64_t> size = intTuple(args[2]);
        const std::vector<int64_t> stride = intTuple(args[3]);
        if (size.size() != stride.size() || offset < 0)
            throw Refused{Text::tr("a tensor with a malformed shape")};
        // The view must lie inside its storage: as_strided does not check.
        // In 128 bits: sizes and strides come from the file and their products can overflow 64.
        __int128 last = offset;
        bool empty = false;
        if (size.size() > 16)
            throw Refused{Text::tr("a tensor with a malformed shape")};
        for (size_t d = 0; d < size.size(); ++d) {
            if (size[d] < 0 || stride[d] < 0 || size[d] > (int64_t(1) << 40) || stride[d] > (int64_t(1) << 40))
                throw Refused{Text::tr("a tensor with a malformed shape")};
            if (size[d] == 0)
                empty = true;
            else
                last += __int128(size[d] - 1) * stride[d];
        }
        if (!empty && last >= __int128(storage.numel()))
            throw Refused{Text::tr("a tensor larger than its storage")};
        Obj t = make(PyObj::Tensor);
        t->tensor = empty ? torch::empty(size, storage.options()) : storage.as_strided(size, stride, offset);
        return t;
    }

    static Obj call(const Obj &callable, const Obj &args)
    {
        if (callable->kind != PyObj::Global || args->kind != PyObj::Tuple)
            throw Refused{Text::tr("calls something that is not a known function")};
        const std::string &name = callable->s;
        if (name == "collections.OrderedDict") {
            if (!args->items.empty())
                throw Refused{Text::tr("an OrderedDict built from arguments")};
            return make(PyObj::Dict);
        }
        if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor")
            return rebuildTensor(args->items);
        if (name == "torch._utils._rebuild_parameter") {
            if (args->items.empty() || args->items[0]->kind != PyObj::Tensor)
                throw Refused{Text::tr("a parameter without a tensor")};
            return args->items[0];
        }
        throw Refused{Text::tr("calls %1, which a state dict does not").arg(qs(name))};
    }
};

/// A persistent id: ('storage', torch.XStorage, key, location, numel[, view]).
struct StorageRef {
    c10::ScalarType dtype;
    std::string key;
    int64_t numel;
    Obj view; ///< legacy format only: None or (view_key, offset, size)
};

StorageRef storageRef(const Obj &pid)
{
    if (pid->kind != PyObj::Tuple || pid->items.size() < 5 || pid->items[0]->kind != PyObj::Str
        || pid->items[0]->s != "storage" || pid->items[1]->kind != PyObj::Global || pid->items[2]->kind != PyObj::Str
        || pid->items[4]->kind != PyObj::Int)
        throw Refused{Text::tr("a persistent id that is not a tensor storage")};
    const auto type = storageTypes().find(pid->items[1]->s);
    if (type == storageTypes().end())
        throw Refused{Text::tr("the storage type %1").arg(qs(pid->items[1]->s))};
    if (pid->items[4]->i < 0 || pid->items[4]->i > (int64_t(1) << 40))
        throw Refused{Text::tr("a storage of %1 elements").arg(pid->items[4]->i)};
    StorageRef ref{type->second, pid->items[2]->s, pid->items[4]->i, pid->items.size() > 5 ? pid->items[5] : nullptr};
    return ref;
}

Obj storageObj(torch::Tensor t)
{
    Obj o = make(PyObj::Storage);
    o->tensor = std::move(t);
    return o;
}

std::vector<char> readAll(const std::string &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Refused{Text::tr("cannot be read")};
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Obj loadZip(const std::string &file)
{
    caffe2::serialize::PyTorchStreamReader reader(file);
    if (!reader.hasRecord("data.pkl"))
        throw Refused{Text::tr("a zip file without data.pkl")};
    auto [pickle, pickleSize] = reader.getRecord("data.pkl");
    std::map<std::string, torch::Tensor> storages;
    Unpickler u(static_cast<const char *>(pickle.get()), pickleSize, [&](const Obj &pid) {
        const StorageRef ref = storageRef(pid);
        auto it = storages.find(ref.key);
        if (it == storages.end()) {
            const std::string record = "data/" + ref.key;
            if (ref.key.find('/') != std::string::npos || !reader.hasRecord(record))
                throw Refused{Text::tr("storage %1 is missing").arg(qs(ref.key))};
            auto [data, size] = reader.getRecord(record);
            const size_t bytes = size_t(ref.numel) * c10::elementSize(ref.dtype);
            if (size < bytes)
                throw Refused{Text::tr("storage %1 is shorter than its %2 elements").arg(qs(ref.key)).arg(ref.numel)};
            torch::Tensor t = torch::empty({ref.numel}, torch::TensorOptions().dtype(ref.dtype));
            if (bytes > 0)
                std::memcpy(t.data_ptr(), data.get(), bytes);
            it = storages.emplace(ref.key, t).first;
        }
        return storageObj(it->second);
    });
    return u.load();
}

Obj loadLegacy(const std::string &file)
{
    const std::vector<char> bytes = readAll(file);
    size_t pos = 0;
    auto next = [&](Unpickler::PersistentLoad persistentLoad) {
        Unpickler u(bytes.data() + pos, bytes.size() - pos, std::move(persistentLoad));
        Obj o = u.load();
        pos += u.position();
        return o;
    };
    const auto noPersistent = [](const Obj &) -> Obj { throw Refused{Text::tr("a malformed header")}; };
    // torch.serialization's magic number, 0x1950a86a20f9469cfc6c, little-endian.
    static const std::string magic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
    const Obj m = next(noPersistent);
    if (m->kind != PyObj::BigInt || m->s != magic)
        throw Refused{Text::tr("not a torch.save file (no magic number)")};
    const Obj protocol = next(noPersistent);
    if (protocol->kind != PyObj::Int || protocol->i != 1001)
        throw Refused{Text::tr("torch.save protocol %1, not 1001").arg(protocol->i)};
    const Obj sysInfo = next(noPersistent);
    if (sysInfo->kind == PyObj::Dict)
        for (size_t k = 0; k + 1 < sysInfo->items.size(); k += 2)
            if (sysInfo->items[k]->s == "little_endian" && sysInfo->items[k + 1]->kind == PyObj::Bool
                && !sysInfo->items[k + 1]->i)
                throw Refused{Text::tr("written on a big-endian machine")};

    std::map<std::string, torch::Tensor> storages;
    const Obj root = next([&](const Obj &pid) {
        const StorageRef ref = storageRef(pid);
        auto it = storages.find(ref.key);
        if (it == storages.end()) {
            // The data follows in the same file: a storage larger than the file is a damaged count.
            if (uint64_t(ref.numel) * c10::elementSize(ref.dtype) > bytes.size())
                throw Refused{Text::tr("storage %1 of %2 elements is larger than the file (truncated?)").arg(qs(ref.key)).arg(ref.numel)};
            it = storages.emplace(ref.key, torch::empty({ref.numel}, torch::TensorOptions().dtype(ref.dtype))).first;
        }
        torch::Tensor t = it->second;
        if (t.scalar_type() != ref.dtype || t.numel() != ref.numel)
            throw Refused{Text::tr("storage %1 is named with two types or sizes").arg(qs(ref.key))};
        if (ref.view && ref.view->kind == PyObj::Tuple) {
            if (ref.view->items.size() != 3 || ref.view->items[1]->kind != PyObj::Int
                || ref.view->items[2]->kind != PyObj::Int)
                throw Refused{Text::tr("a malformed storage view")};
            const int64_t offset = ref.view->items[1]->i;
            const int64_t size = ref.view->items[2]->i;
            if (offset < 0 || size < 0 || offset + size > t.numel())
                throw Refused{Text::tr("a storage view outside its storage")};
            t = t.narrow(0, offset, size);
        }
        return storageObj(t);
    });
    const Obj keys = next(noPersistent);
    if (keys->kind != PyObj::List)
        throw Refused{Text::tr("no list of storages after the state dict")};
    for (const Obj &key : keys->items) {
        const auto it = key->kind == PyObj::Str ? storages.find(key->s) : storages.end();
        if (it == storages.end())
            throw Refused{Text::tr("a storage listed but never used")};
        torch::Tensor &t = it->second;
        if (bytes.size() - pos < 8)
            throw Refused{Text::tr("the file ends early (truncated?)")};
        int64_t numel = 0;
        std::memcpy(&numel, bytes.data() + pos, 8);
        pos += 8;
        const size_t n = size_t(t.numel()) * t.element_size();
        if (numel != t.numel() || bytes.size() - pos < n)
            throw Refused{Text::tr("storage %1 does not hold its %2 elements (truncated?)").arg(qs(key->s)).arg(t.numel())};
        if (n > 0)
            std::memcpy(t.data_ptr(), bytes.data() + pos, n);
        pos += n;
    }
    return root;
}

/// The entries of a dict that are tensors, by name; how many are not.
bool tensorsOf(const Obj &dict, std::map<std::string, torch::Tensor> &out)
{
    if (dict->kind != PyObj::Dict)
        return false;
    std::map<std::string, torch::Tensor> found;
    for (size_t k = 0; k + 1 < dict->items.size(); k += 2)
        if (dict->items[k]->kind == PyObj::Str && dict->items[k + 1]->kind == PyObj::Tensor)
            found[dict->items[k]->s] = dict->items[k + 1]->tensor.contiguous().clone();
    if (found.empty())
        return false;
    out = std::move(found);
    return true;
}

} // namespace

WeightFileKind weightFileKind(const std::string &file)
{
    std::ifstream in(file, std::ios::binary);
    char head[2] = {0, 0};
    if (!in.read(head, 2))
        return WeightFileKind::Unknown;
    if (head[0] == 'P' && head[1] == 'K') {
        try {
            caffe2::serialize::PyTorchStreamReader reader(file);
            if (reader.hasRecord("constants.pkl") || reader.hasRecord("bytecode.pkl"))
                return WeightFileKind::TorchScript;
            if (reader.hasRecord("data.pkl"))
                return WeightFileKind::TorchSave;
        } catch (const std::exception &) {
        }
        return WeightFileKind::Unknown;
    }
    if (uint8_t(head[0]) == 0x80 && uint8_t(head[1]) >= 2 && uint8_t(head[1]) <= 5)
        return WeightFileKind::TorchSaveLegacy;
    return WeightFileKind::Unknown;
}

StateDict readStateDict(const std::string &file)
{
    return readStateDict(file, weightFileKind(file));
}

StateDict readStateDict(const std::string &file, WeightFileKind kind)
{
    Obj root;
    try {
        switch (kind) {
        case WeightFileKind::TorchSave: root = loadZip(file); break;
        case WeightFileKind::TorchSaveLegacy: root = loadLegacy(file); break;
        default: throw Refused{Text::tr("not a file written by torch.save")};
        }
    } catch (const Refused &r) {
        throw WeightImportError(Text::tr("%1: %2").arg(qs(file), r.reason));
    } catch (const c10::Error &e) {
        throw WeightImportError(Text::tr("%1: %2").arg(qs(file), QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
    }
    StateDict sd;
    if (tensorsOf(root, sd.tensors))
        return sd;
    if (root->kind == PyObj::Dict) {
        // Training scripts wrap the state dict with their own bookkeeping.
        QStringList keys;
        for (const char *wrapper : {"state_dict", "model_state_dict", "model", "net", "network", "module", "ema"})
            for (size_t k = 0; k + 1 < root->items.size(); k += 2)
                if (root->items[k]->kind == PyObj::Str && root->items[k]->s == wrapper
                    && tensorsOf(root->items[k + 1], sd.tensors)) {
                    sd.wrapper = wrapper;
                    return sd;
                }
        for (size_t k = 0; k + 1 < root->items.size(); k += 2)
            if (root->items[k]->kind == PyObj::Str)
                keys << qs(root->items[k]->s);
        throw WeightImportError(Text::tr("%1 holds no tensors by name (top-level keys: %2)")
                                    .arg(qs(file), keys.isEmpty() ? Text::tr("none") : keys.join(QLatin1String(", "))));
    }
    throw WeightImportError(Text::tr("%1 holds no state dict").arg(qs(file)));
}

} // namespace loupe
