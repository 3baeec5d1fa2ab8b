#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace loupe {

/// What a weight file is, from its first bytes and (for a zip) its records.
enum class WeightFileKind {
    TorchScript,     ///< torch.jit.save, or a Loupe checkpoint (an OutputArchive)
    TorchSave,       ///< torch.save, zip format (PyTorch 1.6 and later)
    TorchSaveLegacy, ///< torch.save, the format before 1.6 (pickles followed by raw storages)
    Unknown,
};

WeightFileKind weightFileKind(const std::string &file);

/// The tensors of a state dict written by torch.save, in either format, by name. The pickles are
/// read by a restricted unpickler: only the opcodes a pickled dict of tensors uses, and only the
/// globals such a dict names (collections.OrderedDict, torch's tensor rebuild functions and
/// storage types); anything else is refused by name and nothing is ever executed. Common wrappers
/// are unwrapped ({"state_dict": …}, {"model": …}, …; `wrapper` says which key, or is empty).
/// Throws WeightImportError with the file's name and the reason.
struct StateDict {
    std::map<std::string, torch::Tensor> tensors;
    std::string wrapper;
};
StateDict readStateDict(const std::string &file);
/// The same, for a file whose kind the caller has already read (weightFileKind).
StateDict readStateDict(const std::string &file, WeightFileKind kind);

} // namespace loupe
