"""Where two pyseal binaries differ (reproducible.test.ts, when their hashes do).

    python3 binary_difference.py A B

Prints the archive members (the zip appended to the ELF part) whose bytes differ or
that only one binary has, then the ELF sections of A whose bytes differ in B, then
the sizes of both parts.
"""
import subprocess
import sys
import zipfile


def members(binary):
    """{name: (crc, size)} of the appended archive, and where the archive starts."""
    with zipfile.ZipFile(binary) as archive:
        infos = archive.infolist()
    return {i.filename: (i.CRC, i.file_size) for i in infos}, min((i.header_offset for i in infos), default=0)


def sections(binary):
    """(name, file offset, size) of each ELF section with bytes in the file."""
    listing = subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        if not line.strip().startswith("[") or line.strip().startswith("[Nr]") or "]" not in line:
            continue
        fields = line.split("]", 1)[1].split()
        if len(fields) < 5 or fields[1] == "NOBITS" or fields[1] == "NULL":
            continue
        yield fields[0], int(fields[3], 16), int(fields[4], 16)


def main(a, b):
    (in_a, elf_a), (in_b, elf_b) = members(a), members(b)
    lines = [f"archive member {name}: {in_a.get(name)} vs {in_b.get(name)}"
             for name in sorted(set(in_a) | set(in_b)) if in_a.get(name) != in_b.get(name)]
    with open(a, "rb") as fa, open(b, "rb") as fb:
        bytes_a, bytes_b = fa.read(), fb.read()
    lines += [f"ELF section {name} differs" for name, start, size in sections(a)
              if bytes_a[start:start + size] != bytes_b[start:start + size]]
    lines.append(f"ELF parts {elf_a} and {elf_b} bytes; archives of {len(in_a)} and {len(in_b)} members")
    print("\n".join(lines[:60]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
