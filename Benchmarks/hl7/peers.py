#!/usr/bin/env python3
"""Times the Python peers on the same file as hl7-bench, doing the same work per message.

Work per message: parse it, find the PID segment, and for every PID-3 repetition read CX.1 and the three
HD parts of CX.4. Splitting the file and decoding bytes to str happen before the clock starts, so the peers
are timed on parsing alone (hl7-bench's figure includes its own splitting).

- python-hl7 ``hl7.parse``: every message.
- hl7apy ``parse_message`` (default: tolerant validation, groups resolved): at about 45 messages/s a whole
  file would take hours, so it runs on the first ``--hl7apy-count`` messages and its rate is per message,
  which the caller extrapolates.

Usage: peers.py FILE [--hl7apy-count N]
Prints one ``RESULT peer=... messages=... seconds=... msg_per_s=... mb_per_s=...`` line per peer.
"""
import argparse
import re
import time

import hl7
from hl7apy.parser import parse_message


def split_messages(data):
    """Same rule as the Swift splitter: a message starts at MSH at a line start or after MLLP framing."""
    pieces = re.split(rb"[\r\n\x0b\x1c]+(?=MSH\|)", data)
    return [piece.strip(b"\n\x0b\x1c") for piece in pieces if piece.strip(b"\r\n\x0b\x1c")]


def python_hl7(texts):
    identifiers = 0
    for text in texts:
        message = hl7.parse(text)
        for repetition in message.segment("PID")[3]:
            authority = repetition[3] if len(repetition) > 3 else []
            _ = (str(repetition[0]), [str(part) for part in authority])
            identifiers += 1
    return identifiers


def find_segment(element, name):
    for child in element.children:
        if child.name == name:
            return child
        if child.classname == "Group":
            found = find_segment(child, name)
            if found is not None:
                return found
    return None


def hl7apy(texts):
    identifiers = 0
    for text in texts:
        message = parse_message(text)
        for repetition in find_segment(message, "PID").pid_3:
            authority = repetition.cx_4
            _ = (repetition.cx_1.value, authority.hd_1.value, authority.hd_2.value, authority.hd_3.value)
            identifiers += 1
    return identifiers


def report(peer, texts, function):
    size = sum(len(text.encode("utf-8")) for text in texts)
    start = time.perf_counter()
    identifiers = function(texts)
    seconds = time.perf_counter() - start
    print(f"RESULT peer={peer} messages={len(texts)} identifiers={identifiers} seconds={seconds:.3f} "
          f"msg_per_s={len(texts) / seconds:.1f} mb_per_s={size / seconds / 1e6:.3f}", flush=True)


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("file")
    arguments.add_argument("--hl7apy-count", type=int, default=300)
    options = arguments.parse_args()
    with open(options.file, "rb") as file:
        texts = [piece.decode("utf-8") for piece in split_messages(file.read())]
    report("python-hl7", texts, python_hl7)
    report("hl7apy", texts[: options.hl7apy_count], hl7apy)


if __name__ == "__main__":
    main()
