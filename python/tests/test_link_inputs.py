# python/tests/test_link_inputs.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (archives, objects, merged objects).
"""What a link takes besides its own objects, captured whole by real pip builds:
Extension.extra_objects, build_clib libraries, thin archives in a --whole-archive
group; archives copied (thin ones made regular); names right for a limited-API
extension linked in a folder of a shape nothing knows."""

import os
import subprocess

import conftest  # noqa: F401  (puts python/ on sys.path)
import helpers
from pyseal_capture import archives, wrapper


def _merged_symbols(rec, tmp_path):
    """Links the record's inputs into one relocatable object as pyseal's link stage does; its defined symbols."""
    merged = str(tmp_path / (rec["module"] + ".o"))
    libs = []
    for name in rec["libraries"]:
        for folder in rec["library_dirs"]:
            if os.path.isfile(os.path.join(folder, "lib%s.a" % name)):
                libs.append(os.path.join(folder, "lib%s.a" % name))
                break
    cmd = ["ld", "-r", "-o", merged] + rec["objects"]
    if rec["whole_archives"]:
        cmd += ["--whole-archive"] + rec["whole_archives"] + ["--no-whole-archive"]
    cmd += ["--start-group"] + rec["archives"] + libs + ["--end-group"]
    subprocess.run(cmd, check=True)
    return helpers.defined_symbols(merged)


def test_extra_objects_and_their_archive_are_captured_and_link(built, tmp_path):
    rec = helpers.records(built["builds"]["linkin"].capture)["linkin._bundled"]
    assert [os.path.basename(o).split("-", 1)[1] for o in rec["objects"]] == ["_bundled.o", "extra.o"]
    assert [os.path.basename(a) for a in rec["archives"]] == ["archive-0-libbundled.a"]
    assert rec["whole_archives"] == []
    assert {"pyseal_bundled", "pyseal_extra", "PyInit__bundled"} <= _merged_symbols(rec, tmp_path)


def test_build_clib_library_is_copied_while_it_exists(built, tmp_path):
    b = built["builds"]["linkin"]
    rec = helpers.records(b.capture)["linkin._clib"]
    assert rec["libraries"] == ["pysealhelper"]
    assert rec["captured_libraries"] == ["pysealhelper"]
    own = os.path.join(b.capture, "objects", "linkin._clib", "lib")
    assert rec["library_dirs"][0] == own
    assert os.listdir(own) == ["libpysealhelper.a"]
    assert "pyseal_helper" in _merged_symbols(rec, tmp_path)


def test_thin_archive_in_a_whole_archive_group_is_copied_regular_and_whole(built, tmp_path):
    rec = helpers.records(built["builds"]["linkin"].capture)["linkin._thin"]
    assert rec["archives"] == []
    assert [os.path.basename(a) for a in rec["whole_archives"]] == ["whole-0-libthin.a"]
    assert not archives.is_thin(rec["whole_archives"][0])
    # thin_b is called by nothing: only the whole-archive group brings it
    assert {"pyseal_thin_a", "pyseal_thin_b"} <= _merged_symbols(rec, tmp_path)


def test_limited_api_extension_linked_elsewhere_keeps_its_dotted_name(built):
    b = built["builds"]["abi3x"]
    recs = helpers.records(b.capture)
    assert sorted(recs) == ["abi3x.sub._ffi"]
    rec = recs["abi3x.sub._ffi"]
    helpers.check_record(rec, "abi3x.sub._ffi", b.capture, "setuptools._distutils")
    assert rec["module_guess"] is False
    assert os.path.basename(rec["output"]) == "_ffi.abi3.so"
    assert "cp310-abi3-linux_x86_64" in rec["output"]
    assert len(rec["output_sha256"]) == 64


def test_whole_archive_groups_on_a_link_line():
    parsed = wrapper.parse_link(["-shared", "a.o", "liba.a", "-Wl,--whole-archive", "libw.a", "-Xlinker",
                                 "--no-whole-archive", "libb.a", "-o", "out.so"])
    assert parsed["objects"] == ["a.o"]
    assert parsed["archives"] == ["liba.a", "libb.a"]
    assert parsed["whole_archives"] == ["libw.a"]
