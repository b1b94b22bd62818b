#!/usr/bin/env python3
"""Prints the likeliest class for each input, using the network in model.py.

    python3 predict.py photo.png more/    images (PNG, JPEG, GIF or BMP)
                                          or folders of them
    python3 predict.py rows.csv           every row of a CSV or TSV file
    python3 predict.py sentences.txt      every line of a text file

Each answer is one line: the input's name, the likeliest class and its
probability, such as "line 2: setosa 97.3%". Inputs are prepared as LayerLab
prepares them; preprocessing.json says how. Written by LayerLab.
"""

import csv
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import torch

import model

HERE = Path(__file__).resolve().parent
SPEC = json.loads((HERE / "preprocessing.json").read_text(encoding="utf-8"))
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp"}
MISSING = {"", "NA", "N/A", "NaN", "?"}


def read_inputs(path):
    """The inputs in one file as (names, raw input array)."""
    kind = SPEC["kind"]
    if kind == "image":
        files = [path]
        if path.is_dir():
            files = sorted(
                f for f in path.iterdir()
                if f.suffix.lower() in IMAGE_SUFFIXES
                and not f.name.startswith(".")
            )
            if not files:
                sys.exit(f"{path}: has no PNG, JPEG, GIF or BMP images.")
        images = np.stack([read_image(f) for f in files])
        return [f.name for f in files], images
    if kind == "table":
        return read_table(path)
    return read_sentences(path)


def read_image(path):
    """One image as (channels, height, width) pixel values 0-255.

    It is prepared as LayerLab prepares images: transparent parts black,
    resized bilinearly, grey as 0.299 R + 0.587 G + 0.114 B rounded.
    """
    try:
        from PIL import Image
    except ImportError:
        sys.exit("Reading images needs Pillow: apt-get install python3-pil "
                 "(or pip install pillow).")
    spec = SPEC["image"]
    try:
        with Image.open(path) as image:
            rgba = image.convert("RGBA")
    except OSError as error:
        sys.exit(f"{path}: is not an image this model can read ({error}).")
    rgb = Image.new("RGB", rgba.size, (0, 0, 0))
    rgb.paste(rgba, mask=rgba.getchannel("A"))
    size = (spec["width"], spec["height"])
    if rgb.size != size:
        # The two libraries may still differ slightly at the edges.
        rgb = rgb.resize(size, Image.BILINEAR)
    pixels = np.asarray(rgb, dtype=np.float64)  # (height, width, 3)
    if spec["channels"] == 1:
        r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
        grey = np.floor(0.299 * r + 0.587 * g + 0.114 * b + 0.5)
        return grey[np.newaxis].astype(np.float32)
    return pixels.transpose(2, 0, 1).astype(np.float32)


def read_table(path):
    """Every row of a CSV or TSV file as raw features, named "line N"."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as file:
        lines = file.read().splitlines()
    if not lines:
        sys.exit(f"{path}: is empty; a CSV file needs a header and rows.")
    delimiter = separator(path, lines[0])
    # Tab-separated files are written without quoting: a quote is text.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    rows = list(csv.reader(lines, delimiter=delimiter, quoting=quoting))
    header = [cell.strip().lower() for cell in rows[0]]
    columns = SPEC["table"]["columns"]
    where = {}
    for column in columns:
        name = column["name"]
        if name.lower() not in header:
            sys.exit(f"{path}: has no column '{name}', which the model was "
                     f"trained on; its columns are {', '.join(rows[0])}.")
        where[name] = header.index(name.lower())
    width = sum(len(column["positions"]) for column in columns)
    names, features = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = np.zeros(width, dtype=np.float32)
        for column in columns:
            at = where[column["name"]]
            cell = row[at].strip() if at < len(row) else ""
            if cell in MISSING:
                sys.exit(f"{path} line {number}, column '{column['name']}': "
                         "has no value; fill it in or remove the line.")
            if column["type"] == "number":
                # The model standardises it itself.
                values[column["positions"][0]] = float(cell)
            else:
                # One-hot; an unknown category is all zeros, as in LayerLab.
                level = category(cell, column["levels"])
                if level is not None:
                    values[column["positions"][level]] = 1.0
        names.append(f"line {number}")
        features.append(values)
    if not features:
        sys.exit(f"{path}: has a header but no rows; add rows below it.")
    return names, np.stack(features)


def separator(path, header):
    """Tab for .tsv files, else whichever of tab, ";" and "," is commonest."""
    if path.name.lower().endswith((".tsv", ".tsv.gz")):
        return "\t"
    tabs, semicolons = header.count("\t"), header.count(";")
    commas = header.count(",")
    if tabs > commas and tabs >= semicolons:
        return "\t"
    return ";" if semicolons > commas else ","


def category(cell, levels):
    """The position of a cell's level or None; "2.0" is the level "2"."""
    if cell in levels:
        return levels.index(cell)
    try:
        number = float(cell)
    except ValueError:
        return None
    whole = str(int(number)) if number.is_integer() else None
    return levels.index(whole) if whole in levels else None


def words(sentence):
    """Lower-case runs of letters and digits, as LayerLab splits them.

    An apostrophe between a word and a letter is kept: "don't".
    """
    found, word = [], ""
    lower = sentence.lower()
    for i, c in enumerate(lower):
        inner = (c == "'" and word and i + 1 < len(lower)
                 and lower[i + 1].isalpha())
        if c.isalpha() or c.isdecimal() or inner:
            word += c
        elif word:
            found.append(word)
            word = ""
    if word:
        found.append(word)
    return found


def read_sentences(path):
    """Every non-blank line of a text file as token ids.

    A sentence keeps its first words up to the model's length and is padded
    in front, as LayerLab does.
    """
    spec = SPEC["text"]
    ids = {word: i for i, word in enumerate(spec["vocabulary"])}
    length = spec["sequence_length"]
    text = path.read_text(encoding="utf-8")
    sentences = [line for line in text.splitlines() if line.strip()]
    if not sentences:
        sys.exit(f"{path}: is empty; write one sentence per line.")
    rows = []
    for sentence in sentences:
        tokens = [ids.get(w, spec["unknown_id"]) for w in words(sentence)]
        tokens = tokens[:length]
        rows.append([spec["padding_id"]] * (length - len(tokens)) + tokens)
    names = [s if len(s) <= 50 else s[:47] + "..." for s in sentences]
    return names, np.array(rows, dtype=np.float32)


def main(arguments):
    if not arguments or arguments[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if arguments else 2
    net = model.load()
    for argument in arguments:
        path = Path(argument)
        if not path.exists():
            sys.exit(f"{path}: no such file or folder; check the path.")
        names, inputs = read_inputs(path)
        with torch.no_grad():
            probabilities = net(torch.tensor(inputs)).numpy()
        for name, p in zip(names, probabilities):
            top = int(np.argmax(p))
            print(f"{name}: {model.CLASSES[top]} {100 * p[top]:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
