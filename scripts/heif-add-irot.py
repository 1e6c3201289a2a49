#!/usr/bin/env python3
"""Give the primary image of a HEIF file an `irot` (rotation) property, as an iPhone writes
it: `heif-add-irot.py FILE ANGLE` where ANGLE counts quarter turns anti-clockwise (3 = a
quarter turn clockwise). Box sizes and the file offsets in `iloc` are updated for the bytes
added. Used by make-heic-fixtures; no tool in Debian 12 writes `irot` itself."""
import struct
import sys


def boxes(data, start, end):
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        head = 8
        if size == 1:
            size = struct.unpack(">Q", data[at + 8:at + 16])[0]
            head = 16
        elif size == 0:
            size = end - at
        yield kind, at, head, size
        at += size


def find(data, start, end, kind):
    for k, at, head, size in boxes(data, start, end):
        if k == kind:
            return at, head, size
    raise SystemExit(f"no {kind!r} box")


def main():
    path, angle = sys.argv[1], int(sys.argv[2])
    d = bytearray(open(path, "rb").read())
    meta_at, meta_head, meta_size = find(d, 0, len(d), b"meta")
    inner = meta_at + meta_head + 4  # full box
    pitm_at, pitm_head, _ = find(d, inner, meta_at + meta_size, b"pitm")
    pitm_version = d[pitm_at + pitm_head]
    primary = (struct.unpack(">H", d[pitm_at + pitm_head + 4:pitm_at + pitm_head + 6])[0]
               if pitm_version == 0 else
               struct.unpack(">I", d[pitm_at + pitm_head + 4:pitm_at + pitm_head + 8])[0])
    iprp_at, iprp_head, iprp_size = find(d, inner, meta_at + meta_size, b"iprp")
    ipco_at, ipco_head, ipco_size = find(d, iprp_at + iprp_head, iprp_at + iprp_size, b"ipco")
    count = sum(1 for _ in boxes(d, ipco_at + ipco_head, ipco_at + ipco_size))
    index = count + 1
    irot = struct.pack(">I4sB", 9, b"irot", angle & 3)
    ipma_at, ipma_head, ipma_size = find(d, iprp_at + iprp_head, iprp_at + iprp_size, b"ipma")
    version, flags = d[ipma_at + ipma_head], int.from_bytes(d[ipma_at + ipma_head + 1:ipma_at + ipma_head + 4], "big")
    at = ipma_at + ipma_head + 4
    entries = struct.unpack(">I", d[at:at + 4])[0]
    at += 4
    wide = flags & 1
    insert_at = None
    for _ in range(entries):
        item = struct.unpack(">H" if version < 1 else ">I", d[at:at + (2 if version < 1 else 4)])[0]
        at += 2 if version < 1 else 4
        n = d[at]
        if item == primary:
            d[at] = n + 1
            insert_at = at + 1 + n * (2 if wide else 1)
        at += 1 + n * (2 if wide else 1)
    if insert_at is None:
        raise SystemExit("the primary item has no property associations")
    assoc = struct.pack(">H", 0x8000 | index) if wide else bytes([0x80 | index])
    # Insert the association first (it comes after ipco), then the irot at ipco's end.
    d[insert_at:insert_at] = assoc
    d[ipco_at + ipco_size:ipco_at + ipco_size] = irot
    delta = len(assoc) + len(irot)
    def grow(at, by):
        size = struct.unpack(">I", d[at:at + 4])[0]
        d[at:at + 4] = struct.pack(">I", size + by)
    ipma_at += len(irot)
    grow(ipma_at, len(assoc))
    grow(ipco_at, len(irot))
    grow(iprp_at, delta)
    grow(meta_at, delta)
    # Everything after meta moved: shift the file offsets iloc gives.
    iloc_at, iloc_head, _ = find(d, inner, meta_at + meta_size + delta, b"iloc")
    at = iloc_at + iloc_head
    version = d[at]
    at += 4
    offset_size, length_size = d[at] >> 4, d[at] & 15
    base_size, index_size = d[at + 1] >> 4, (d[at + 1] & 15 if version in (1, 2) else 0)
    at += 2
    if version < 2:
        items = struct.unpack(">H", d[at:at + 2])[0]
        at += 2
    else:
        items = struct.unpack(">I", d[at:at + 4])[0]
        at += 4
    def shift(at, size):
        if size == 0:
            return
        value = int.from_bytes(d[at:at + size], "big")
        if value >= meta_at + meta_size:
            d[at:at + size] = (value + delta).to_bytes(size, "big")
    for _ in range(items):
        at += 2 if version < 2 else 4
        method = 0
        if version in (1, 2):
            method = struct.unpack(">H", d[at:at + 2])[0] & 15
            at += 2
        at += 2  # data_reference_index
        base_at = at
        at += base_size
        extents = struct.unpack(">H", d[at:at + 2])[0]
        at += 2
        if method == 0 and base_size:
            shift(base_at, base_size)
        for _ in range(extents):
            at += index_size
            if method == 0 and not base_size:
                shift(at, offset_size)
            at += offset_size + length_size
    open(path, "wb").write(d)


main()
