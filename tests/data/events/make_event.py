#!/usr/bin/python3
"""Writes a reference TensorBoard event file and the scalars it holds (expected.json).

The ideal writer would be torch.utils.tensorboard, but it needs the `tensorboard` package, which
Debian does not ship. So the Event messages are encoded by Google's protobuf library (Debian's
python3-protobuf) from descriptors declared below after TensorBoard's event.proto and
summary.proto, and the CRCs come from the crc32c library (python3-crc32c): neither shares code
with loupe's hand-written encoder. Only the 4-line TFRecord framing is written here.

The file also holds what a reader must step over: a log_message event, a tensor value with
plugin metadata (how new-style scalars look), a value with no payload and an unknown group field.
Run with /usr/bin/python3; the output is the same every time.
"""
import json
import math
import os
import struct

import crc32c
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

F = descriptor_pb2.FieldDescriptorProto


def field(msg, name, number, ftype, label=F.LABEL_OPTIONAL, type_name=None, oneof=None):
    f = msg.field.add(name=name, number=number, type=ftype, label=label)
    if type_name:
        f.type_name = type_name
    if oneof is not None:
        f.oneof_index = oneof
    return f


def build_classes():
    fd = descriptor_pb2.FileDescriptorProto(name="loupe_ref_event.proto", package="ref", syntax="proto3")

    plugin = fd.message_type.add(name="PluginData")
    field(plugin, "plugin_name", 1, F.TYPE_STRING)
    field(plugin, "content", 2, F.TYPE_BYTES)
    meta = fd.message_type.add(name="SummaryMetadata")
    field(meta, "plugin_data", 1, F.TYPE_MESSAGE, type_name=".ref.PluginData")
    field(meta, "display_name", 2, F.TYPE_STRING)
    field(meta, "summary_description", 3, F.TYPE_STRING)

    tensor = fd.message_type.add(name="TensorProto")
    field(tensor, "dtype", 1, F.TYPE_INT32)
    field(tensor, "float_val", 5, F.TYPE_FLOAT, label=F.LABEL_REPEATED)

    value = fd.message_type.add(name="Value")
    value.oneof_decl.add(name="value")
    field(value, "node_name", 7, F.TYPE_STRING)
    field(value, "tag", 1, F.TYPE_STRING)
    field(value, "metadata", 9, F.TYPE_MESSAGE, type_name=".ref.SummaryMetadata")
    field(value, "simple_value", 2, F.TYPE_FLOAT, oneof=0)
    field(value, "tensor", 8, F.TYPE_MESSAGE, type_name=".ref.TensorProto", oneof=0)

    summary = fd.message_type.add(name="Summary")
    field(summary, "value", 1, F.TYPE_MESSAGE, label=F.LABEL_REPEATED, type_name=".ref.Value")

    log = fd.message_type.add(name="LogMessage")
    field(log, "level", 1, F.TYPE_INT32)
    field(log, "message", 2, F.TYPE_STRING)

    event = fd.message_type.add(name="Event")
    event.oneof_decl.add(name="what")
    field(event, "wall_time", 1, F.TYPE_DOUBLE)
    field(event, "step", 2, F.TYPE_INT64)
    field(event, "file_version", 3, F.TYPE_STRING, oneof=0)
    field(event, "summary", 5, F.TYPE_MESSAGE, type_name=".ref.Summary", oneof=0)
    field(event, "log_message", 6, F.TYPE_MESSAGE, type_name=".ref.LogMessage", oneof=0)

    # proto2 only: an Event from a "future" writer carrying a group, a wire type proto3 cannot emit.
    fd2 = descriptor_pb2.FileDescriptorProto(name="loupe_ref_future.proto", package="ref2", syntax="proto2",
                                             dependency=["loupe_ref_event.proto"])
    future = fd2.message_type.add(name="FutureEvent")
    field(future, "wall_time", 1, F.TYPE_DOUBLE)
    field(future, "step", 2, F.TYPE_INT64)
    field(future, "summary", 5, F.TYPE_MESSAGE, type_name=".ref.Summary")
    grp = future.nested_type.add(name="Extra")
    field(grp, "a", 1, F.TYPE_INT64)
    field(grp, "b", 2, F.TYPE_STRING)
    field(grp, "c", 3, F.TYPE_FIXED64)
    field(future, "extra", 20, F.TYPE_GROUP, type_name=".ref2.FutureEvent.Extra")

    pool = descriptor_pool.DescriptorPool()
    pool.Add(fd)
    pool.Add(fd2)
    names = ["ref.Event", "ref.Summary", "ref.Value", "ref2.FutureEvent"]
    factory = message_factory.MessageFactory(pool)  # protobuf 3.21's API (Debian bookworm)
    return [factory.GetPrototype(pool.FindMessageTypeByName(n)) for n in names]


def masked_crc(data):
    crc = crc32c.crc32c(data)
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def record(data):
    length = struct.pack("<Q", len(data))
    return length + struct.pack("<I", masked_crc(length)) + data + struct.pack("<I", masked_crc(data))


def float_bits(v):
    return "%08x" % struct.unpack("<I", struct.pack("<f", v))[0]


def main():
    Event, Summary, Value, FutureEvent = build_classes()
    expected = []
    records = []

    def scalars(wall_time, step, pairs, cls=Event, **extra):
        ev = cls(wall_time=wall_time, step=step, **extra)
        for tag, v in pairs:
            ev.summary.value.add(tag=tag, simple_value=v)
            # What the reader returns: the float32 the file holds.
            expected.append({"tag": tag, "step": step, "value_bits": float_bits(v), "wall_time": wall_time})
        return ev

    records.append(Event(wall_time=1718000000.25, file_version="brain.Event:2"))
    for step, (loss, acc) in enumerate([(2.302585, 0.1), (1.75, 0.375), (0.9921875, 0.625)]):
        records.append(scalars(1718000001.5 + step, step, [("loss/train", loss)]))
        records.append(scalars(1718000001.75 + step, step, [("accuracy/dev", acc)]))
    records.append(Event(wall_time=1718000010.0, step=3, log_message={"level": 20, "message": "checkpoint saved"}))
    # Two values in one summary, plus a tensor value with plugin metadata that is not a simple_value.
    ev = scalars(1718000011.0, 4, [("lr", 0.001), ("λ/größe", -0.0)])
    ev.summary.value.add(tag="new_style", tensor={"dtype": 1, "float_val": [3.5]},
                         metadata={"plugin_data": {"plugin_name": "scalars"}})
    ev.summary.value.add(tag="no_payload", node_name="n")
    records.append(ev)
    records.append(scalars(1718000012.0, 2**40 + 7, [("big_step", float("inf"))]))
    records.append(scalars(1718000013.0, -3, [("negative_step", 1e-40)]))
    records.append(scalars(1718000014.0, 0, [("zero", 0.0)]))
    records.append(scalars(1718000015.0, 5, [("from_the_future", 42.0)], cls=FutureEvent,
                           extra={"a": -1, "b": "x" * 200, "c": 7}))

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "events.out.tfevents.1718000000.reference"), "wb") as fh:
        for ev in records:
            fh.write(record(ev.SerializeToString()))
    for e in expected:
        assert not math.isnan(struct.unpack("<f", bytes.fromhex(e["value_bits"])[::-1])[0])
    with open(os.path.join(here, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"generator": "make_event.py", "scalars": expected}, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
