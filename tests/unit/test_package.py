"""Packages: pack, the bag and manifest checks of `validate DIR`, reproducibility and safety; exports and stats."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from corpuskit.export import read_parquet
from corpuskit.jsonl import read_records
from corpuskit.models import Article
from corpuskit.schema import validator
from tests.helpers import FIXTURES, SEEDS, run_cli

EPOCH = "1767225600"


@pytest.fixture
def bag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "bag"
    code, _ = run_cli("pack", str(SEEDS), "--sidecar", str(SEEDS / "sidecar.csv"), "-o", str(out), "--name", "seeds")
    assert code == 0
    return out


def validate(path: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    code, text = run_cli("validate", str(path), "--now", "2026-11-23", "--output-format", "json", *extra)
    return code, json.loads(text)["diagnostics"]


def test_pack_names_the_files_of_a_folder_it_leaves_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "collection"
    shutil.copytree(SEEDS, folder)
    (folder / "NOTES.md").write_text("Scraped in 2019 by the newsroom's intern.\n")
    code, _ = run_cli(
        "pack", str(folder), "--sidecar", str(folder / "sidecar.csv"), "-o", str(tmp_path / "bag"), "--name", "c"
    )
    err = capsys.readouterr().err
    assert code == 0 and "packed 5 record(s)" in err
    assert f"left out 1 file(s) that are neither named nor shaped like a source: {folder / 'NOTES.md'} (" in err


def test_a_folder_of_record_files_is_packed_as_its_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shards = tmp_path / "shards"
    (shards / "2018").mkdir(parents=True)
    valid = FIXTURES / "valid" / "seeds.jsonl"
    lines = valid.read_bytes().splitlines(keepends=True)
    (shards / "2018" / "a.jsonl").write_bytes(b"".join(lines[:2]))
    (shards / "b.ndjson").write_bytes(b"".join(lines[2:]))
    (shards / "notes.json").write_text('{"what": "not a record"}')  # a bare .json in a folder may be anything
    code, _ = run_cli("pack", str(shards), "-o", str(tmp_path / "bag"), "--name", "shards")
    err = capsys.readouterr().err
    assert code == 0 and f"packed {len(lines)} record(s)" in err and "notes.json" in err
    packed = [r.id for r in read_records(tmp_path / "bag" / "data" / "records" / "part-00000.jsonl.zst")]
    assert sorted(packed) == sorted(json.loads(line)["id"] for line in lines)
    assert validate(tmp_path / "bag")[1] == []


def test_a_package_is_a_valid_bag_with_a_valid_manifest(bag: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(bag)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (bag / "bagit.txt").read_text().splitlines()[0] == "BagIt-Version: 1.0"  # RFC 8493
    manifest = json.loads((bag / "data" / "corpus.json").read_text())
    assert not list(validator("corpus").iter_errors(manifest))
    assert manifest["record_count"] == 5 and len(manifest["sources"]) == 5
    assert manifest["files"][0]["path"] == "records/part-00000.jsonl.zst"
    assert manifest["coverage"]["title"] == 1.0
    info = (bag / "bag-info.txt").read_text()
    assert "Payload-Oxum: " in info and "Bagging-Date: 2026-01-01" in info
    assert validate(bag) == (0, [])


def test_packing_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bag: Path) -> None:
    again = tmp_path / "again"
    run_cli("pack", str(SEEDS), "--sidecar", str(SEEDS / "sidecar.csv"), "-o", str(again), "--name", "seeds")
    for name in (
        "data/corpus.json",
        "data/records/part-00000.jsonl.zst",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    ):
        assert (bag / name).read_bytes() == (again / name).read_bytes(), name


def test_a_tampered_byte_is_named_with_algorithm_and_both_checksums(bag: Path) -> None:
    source = next((bag / "data" / "sources").rglob("*.txt"))
    data = bytearray(source.read_bytes())
    data[10] ^= 0x01
    source.write_bytes(bytes(data))
    code, found = validate(bag)
    assert code == 1
    (problem,) = [d for d in found if d["code"] == "P002"]
    assert str(source.relative_to(bag)) in str(problem["path"])
    assert "sha256 expected" in str(problem["message"]) and "found" in str(problem["message"])
    assert validate(bag, "--fast")[0] == 0  # same size: the Payload-Oxum cannot see it


def test_a_removed_source_and_an_extra_file_are_reported(bag: Path) -> None:
    source = next((bag / "data" / "sources").rglob("*.txt"))
    source.unlink()
    code, found = validate(bag)
    codes = {d["code"] for d in found}
    assert code == 1 and {"P003", "P005"} <= codes
    assert validate(bag, "--fast")[0] == 1
    (bag / "data" / "notes.txt").write_text("added later")
    codes = {d["code"] for d in validate(bag)[1]}
    assert "P004" in codes


def test_manifest_counts_are_checked(bag: Path) -> None:
    manifest_path = bag / "data" / "corpus.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["record_count"] = 6
    manifest["files"][0]["records"] = 6
    manifest_path.write_text(json.dumps(manifest))
    found = validate(bag, "--ignore", "P002")[1]  # the bag itself also notices the edit
    assert any(d["code"] == "P006" and "holds 5 records" in str(d["message"]) for d in found)


def test_records_must_point_at_packaged_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path / "bag"
    assert run_cli("pack", str(SEEDS), str(FIXTURES / "warc"), "-o", str(out), "--name", "mixed")[0] == 0
    assert not [d for d in validate(out, "--ignore", "R")[1]]
    assert validate(out, "--reproduce", "--ignore", "R")[1] == []


def test_overwrite_needs_force_and_force_replaces_only_packages(tmp_path: Path, bag: Path) -> None:
    assert run_cli("pack", str(SEEDS), "-o", str(bag), "--name", "seeds")[0] == 2
    assert run_cli("pack", str(SEEDS), "-o", str(bag), "--name", "seeds", "--force")[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "precious.txt").write_text("keep me")
    assert run_cli("pack", str(SEEDS), "-o", str(other), "--name", "x", "--force")[0] == 2
    assert (other / "precious.txt").read_text() == "keep me"
    assert run_cli("pack", str(SEEDS), "-o", str(SEEDS / "inside"), "--name", "x")[0] == 2
    assert not (SEEDS / "inside").exists()


def test_symlinks_out_of_the_tree_are_not_followed_and_names_are_nfc(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    decomposed = unicodedata.normalize("NFD", "café.txt")
    shutil.copyfile(next(SEEDS.glob("001_*.txt")), tree / decomposed)
    secret = tmp_path / "secret.txt"
    secret.write_text("By Jane Doe\n\n" + "Not part of the input tree. " * 20)
    os.symlink(secret, tree / "link.txt")
    out = tmp_path / "bag"
    code, _ = run_cli("pack", str(tree), "-o", str(out), "--name", "nfc")
    assert code == 1  # the symlink is reported
    manifest = json.loads((out / "data" / "corpus.json").read_text())
    (source,) = manifest["sources"]
    assert source["original_path"] == "café.txt" and source["normalized_from"] == decomposed
    assert not any("secret" in p.name for p in out.rglob("*"))


def test_a_name_that_is_not_utf8_is_escaped_in_records_manifest_and_reports(tmp_path: Path) -> None:
    """A Latin-1 file name ("caf\\xe9.txt" as bytes) once crashed convert (the record could not be written)
    and every validate reporter on a strict UTF-8 output. It is now written as an escape everywhere."""
    tree = tmp_path / "tree"
    tree.mkdir()
    data = next(SEEDS.glob("001_*.txt")).read_bytes()
    for name in (b"caf\xe9.txt", b"caf\xe9.records.jsonl"):
        with open(os.path.join(os.fsencode(tree), name), "wb") as handle:
            handle.write(data if name.endswith(b".txt") else b'{"id": 1}\n')
    records = tmp_path / "records.jsonl"
    assert run_cli("convert", str(tree / os.fsdecode(b"caf\xe9.txt")), "-o", str(records))[0] == 0
    (record,) = read_records(records)
    assert isinstance(record, Article) and record.provenance.source.path == "caf\\xe9.txt"
    out = tmp_path / "bag"
    assert run_cli("pack", str(tree), "-o", str(out), "--name", "latin1")[0] == 1  # the broken JSON Lines file
    manifest = json.loads((out / "data" / "corpus.json").read_text())
    assert [source["original_path"] for source in manifest["sources"]] == ["caf\\xe9.txt"]
    for fmt in ("text", "json", "github", "junit", "sarif"):
        code, printed = run_cli("validate", "--output-format", fmt, str(tree))
        assert code == 1 and "caf\\xe9.records.jsonl" in printed.replace("\\\\", "\\"), fmt
        printed.encode("utf-8")  # no lone surrogate left for a strict UTF-8 output to choke on


def test_exports(tmp_path: Path, bag: Path) -> None:
    originals = [a for a in read_records(next((bag / "data" / "records").glob("*.zst"))) if isinstance(a, Article)]
    parquet = tmp_path / "corpus.parquet"
    assert run_cli("export", str(bag), "--to", "parquet", "-o", str(parquet))[0] == 0
    assert list(read_parquet(parquet)) == originals
    hf = tmp_path / "hf"
    assert run_cli("export", str(bag), "--to", "hf", "-o", str(hf), "--license", "CC-BY-4.0")[0] == 0
    card = (hf / "README.md").read_text()
    assert card.startswith("---\nlicense: cc-by-4.0\nlanguage:\n- en\n") and "- n<1K" in card
    assert list(read_parquet(next((hf / "data").glob("*.parquet")))) == originals
    load = "import datasets, sys; d = datasets.load_dataset(sys.argv[1], split='train'); print(d.num_rows, d[0]['id'])"
    env = {**os.environ, "HF_HOME": str(tmp_path / "hf-home"), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    loaded = subprocess.run([sys.executable, "-c", load, str(hf)], capture_output=True, text=True, env=env, check=False)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert loaded.stdout.split() == ["5", originals[0].id]
    jsonld = tmp_path / "corpus.jsonld"
    assert run_cli("export", str(bag), "--to", "jsonld", "-o", str(jsonld))[0] == 0
    nodes = [json.loads(line) for line in jsonld.read_text().splitlines()]
    assert [n["identifier"] for n in nodes] == [a.id for a in originals]
    assert all(n["@type"] == "NewsArticle" and n["isBasedOn"]["sha256"] for n in nodes)


def test_stats(bag: Path) -> None:
    code, text = run_cli("stats", str(bag), "--json")
    figures = json.loads(text)
    assert code == 0 and figures["records"] == 5 and figures["coverage"]["title"] == 1.0
    assert figures["body_words"]["p50"] > 100
    code, text = run_cli("stats", str(bag))
    assert code == 0 and "records" in text and "coverage: published" in text


def test_stats_of_a_file_with_no_record_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b"\x00" * 10)
    code, text = run_cli("stats", str(path))
    assert code == 0 and "no dates" in text and "None" not in text


def test_a_manifest_that_is_not_json_is_reported(bag: Path) -> None:
    (bag / "data" / "corpus.json").write_text("{not json")
    found = validate(bag, "--ignore", "P002,P005")[1]  # the bag notices the edit too
    assert [d["code"] for d in found] == ["P006"]


def test_an_altered_file_is_named_even_when_another_is_missing(bag: Path) -> None:
    sources = sorted((bag / "data" / "sources").rglob("*.txt"))
    sources[0].unlink()
    sources[1].write_bytes(sources[1].read_bytes() + b"altered")
    found = validate(bag)[1]
    assert [d["path"] for d in found if d["code"] == "P003"] == [str(sources[0])]
    assert [d["path"] for d in found if d["code"] == "P002"] == [str(sources[1])]


def test_broken_tag_files_and_a_lost_bagit_txt_are_located_bag_problems(bag: Path) -> None:
    info = bag / "bag-info.txt"
    info.write_bytes(b"\xff\xfe not UTF-8\n")
    code, found = validate(bag)
    assert code == 1 and [d["code"] for d in found] == ["P001"] and "tag file" in str(found[0]["message"])
    info.unlink()
    (bag / "bagit.txt").unlink()  # still a package (manifests and data/corpus.json), not loose record files
    code, found = validate(bag)
    assert code == 1 and [d["code"] for d in found] == ["P001"] and "bagit.txt" in str(found[0]["message"])


def test_a_missing_payload_folder_is_reported_once(bag: Path) -> None:
    shutil.rmtree(bag / "data")
    found = validate(bag)[1]
    assert [d["code"] for d in found].count("P001") == 1


def _retag(bag: Path, name: str, text: str) -> None:
    """Rewrite a tag file and its line in the tag manifest, as a careful editor of the bag would."""
    import hashlib

    (bag / name).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    manifest = bag / "tagmanifest-sha256.txt"
    lines = [line for line in manifest.read_text().splitlines() if line.split(None, 1)[1] != name]
    manifest.write_text("\n".join([*lines, f"{digest} {name}"]) + "\n")


def test_tag_file_lines_bagit_skips_or_stops_at_are_located(bag: Path) -> None:
    manifest = (bag / "manifest-sha256.txt").read_text()
    _retag(bag, "manifest-sha256.txt", manifest + "nothex\n" + "abc  data/nowhere.txt\n")
    info = (bag / "bag-info.txt").read_text()
    _retag(
        bag,
        "bag-info.txt",
        "".join("Payload-Oxum: many\n" if "Oxum" in line else line for line in info.splitlines(True)),
    )
    _retag(bag, "fetch.txt", "nonsense\nnot-a-url 10 data/corpus.json\nhttps://example.org/x 10 data/elsewhere.txt\n")
    code, found = validate(bag)
    located = [(Path(str(d["path"])).name, d["line"], d["code"]) for d in found if d["line"]]
    n = len(manifest.splitlines())
    assert located == [
        ("manifest-sha256.txt", n + 1, "P001"),
        ("manifest-sha256.txt", n + 2, "P001"),
        ("bag-info.txt", next(i for i, line in enumerate(info.splitlines(), 1) if "Oxum" in line), "P001"),
        ("fetch.txt", 1, "P001"),
        ("fetch.txt", 2, "P001"),
        ("fetch.txt", 3, "P001"),
    ]
    assert code == 1 and "sha256 checksum" in str(found[1]["message"])
    # the malformed Payload-Oxum does not stop bagit's checks: the manifest's file that is not there is named
    assert any(d["code"] == "P003" and str(d["path"]).endswith("nowhere.txt") for d in found)


def test_a_bag_without_payload_oxum_is_valid(bag: Path) -> None:
    info = (bag / "bag-info.txt").read_text()
    _retag(bag, "bag-info.txt", "".join(line for line in info.splitlines(True) if "Oxum" not in line))
    assert validate(bag) == (0, [])
    assert [d["code"] for d in validate(bag, "--fast")[1]] == ["P005"]  # --fast has nothing to count against


def test_a_link_to_a_folder_in_the_bag_is_reported(bag: Path) -> None:
    """BagIt tools do not follow a link to a folder: the files it shows are in no manifest, and the bag passed."""
    (bag / "data" / "mirror").symlink_to("sources")
    code, found = validate(bag)
    assert code == 1
    assert [(d["code"], d["path"]) for d in found] == [("P001", str(bag / "data" / "mirror"))]
    assert "a symbolic link to a folder" in str(found[0]["message"])
